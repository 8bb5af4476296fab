package io.forewarn.server;

import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The server takes turns of compaction on an embedded H2 file only, and shows the file in its metrics. */
class H2CompactionTurnsTest {

    @Test
    void onAnH2FileATurnShowsTheFilesSizeAndItsLiveShare(@TempDir Path data) throws IOException {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            H2CompactionTurns turns = new H2CompactionTurns(database.dataSource(), meters);

            assertThat(turns.tick()).isPresent();

            assertThat(meters.get("forewarn.h2.file.bytes").gauge().value()).isEqualTo(Files.size(data.resolve("forewarn.mv.db")));
            assertThat(meters.get("forewarn.h2.file.live.percent").gauge().value()).isBetween(1.0, 100.0);
            assertThat(meters.get("forewarn.h2.compaction").timer().count()).isEqualTo(1);
            turns.start();
            try {
                assertThat(turns.isRunning()).isTrue();
            } finally {
                turns.stop();
            }
        }
    }

    @Test
    void onAnH2InMemoryNoTurnsAreTaken() {
        try (TestDatabase memory = TestDatabase.h2Empty()) {
            H2CompactionTurns turns = new H2CompactionTurns(memory.dataSource(), new SimpleMeterRegistry());
            turns.start();
            assertThat(turns.isRunning()).isFalse();
            assertThat(turns.tick()).isEmpty();
        }
    }
}
