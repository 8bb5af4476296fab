package io.forewarn.store;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The one set of migrations builds the schema on an empty H2 and an empty PostgreSQL schema, once. */
class MigrationsTest {

    static final List<String> TABLES = List.of("party", "report", "obligation", "draft", "warning", "warning_party",
            "waiver", "incident", "duty_event", "id_sequence", "policy_version",
            "ledger_entry", "ledger_node", "ledger_head", "report_protected_salt");

    @Test
    void migrateAnEmptyH2OnceOnly() {
        migrateOnceOnly(TestDatabase::h2Empty);
    }

    @Test
    void migrateAnEmptyPostgresSchemaOnceOnly() {
        migrateOnceOnly(TestDatabase::postgresEmpty);
    }

    private void migrateOnceOnly(Supplier<TestDatabase> empty) {
        try (TestDatabase database = empty.get()) {
            List<String> versions = versions();
            assertThat(Migrations.migrate(database.dataSource())).isEqualTo(versions.size());
            assertThat(Migrations.migrate(database.dataSource())).as("a second run").isZero();

            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            for (String table : TABLES) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
            // Flyway names its table in lower case and quoted, on H2 too; it may add a row for the schema itself
            assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' AND \"success\" = TRUE")
                    .query(String.class).list()).containsExactlyElementsOf(versions);
            assertThat(jdbc.sql("SELECT size FROM ledger_state").query(Long.class).list()).as("the ledger's one row").containsExactly(0L);
        }
    }

    /** The versions of the migration scripts shipped, in order: "1", "3", ... */
    private static List<String> versions() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
            return Arrays.stream(scripts)
                    .map(script -> script.getFilename().substring(1, script.getFilename().indexOf("__")))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
