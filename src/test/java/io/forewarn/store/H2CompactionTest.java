package io.forewarn.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn of compaction rewrites the live pages of an embedded H2 file's sparse chunks, so that their space can be
 * taken again, and leaves other databases alone.
 */
class H2CompactionTest {

    @Test
    void aFileLeftSparseByManySmallCommitsIsRewrittenAndGrowsFarLess(@TempDir Path data) {
        // H2 rewrites only chunks older than its retention time (45 s: a crash must not find the pages of the last
        // version it wrote overwritten already); this file keeps none, so that the test need not wait
        DatabaseSettings embedded = DatabaseSettings.embedded(data);
        try (Database database = Database.open(new DatabaseSettings(embedded.url() + ";RETENTION_TIME=0", "sa", ""))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            jdbc.sql("CREATE TABLE scratch (id INT PRIMARY KEY, payload VARCHAR(200) NOT NULL)").update();
            jdbc.sql("INSERT INTO scratch SELECT x, REPEAT('a', 100) FROM SYSTEM_RANGE(1, 20000) AS t(x)").update();
            Random rows = new Random(1);
            long loaded = fileBytes(data);
            // each commit writes the leaf it changed and the pages above it anew; the chunks keep the leaves not
            // changed since, so they stay with a small share live, as under a day's reports
            for (int i = 0; i < 3_000; i++) {
                update(jdbc, 1 + rows.nextInt(20_000));
            }
            long grownUncompacted = fileBytes(data) - loaded;

            H2Compaction.Outcome first = H2Compaction.compactIfSparse(database.dataSource()).orElseThrow();
            assertThat(first.liveBefore()).as("live share before").isLessThan(H2Compaction.TARGET_FILL_RATE);
            assertThat(first.rewrote()).isTrue();
            // as the server does: the same commits again, with a turn of compaction every 100 (the pages a turn
            // rewrote are stored by the next commit)
            long before = fileBytes(data);
            H2Compaction.Outcome last = first;
            for (int i = 1; i <= 3_000; i++) {
                update(jdbc, 1 + rows.nextInt(20_000));
                if (i % 100 == 0) {
                    last = H2Compaction.compactIfSparse(database.dataSource()).orElseThrow();
                }
            }
            long grownCompacted = fileBytes(data) - before;

            assertThat(last.liveAfter()).as("live share after").isGreaterThanOrEqualTo(H2Compaction.TARGET_FILL_RATE);
            assertThat(grownCompacted).as("bytes the file grew by with compaction, against %,d without", grownUncompacted)
                    .isLessThan(grownUncompacted / 4);
        }
    }

    private static long fileBytes(Path data) {
        try {
            return Files.size(data.resolve("forewarn.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(JdbcClient jdbc, int id) {
        jdbc.sql("UPDATE scratch SET payload = REPEAT('b', 100) WHERE id = :id").param("id", id).update();
    }

    @Test
    void anH2InMemoryHasNoFileToCompact() {
        try (TestDatabase memory = TestDatabase.h2Empty()) {
            assertThat(H2Compaction.compactIfSparse(memory.dataSource())).isEmpty();
        }
    }

    @Test
    void postgresqlKeepsItsOwnFiles() {
        try (TestDatabase postgres = TestDatabase.postgresEmpty()) {
            assertThat(H2Compaction.compactIfSparse(postgres.dataSource())).as("PostgreSQL").isEmpty();
        }
    }
}
