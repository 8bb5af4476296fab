package io.forewarn.store;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The one set of migrations builds the schema on an empty H2 and an empty PostgreSQL schema, once. */
class MigrationsTest {

    static final List<String> TABLES = List.of("party", "report", "obligation", "draft", "warning", "warning_party",
            "waiver", "incident", "duty_event", "id_sequence", "policy_version", "idempotency_key",
            "ledger_entry", "ledger_node", "ledger_head", "report_protected_salt", "revoked_token");

    /** The migrations shipped, in order; a new one is added here on purpose. */
    static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "10", "15", "20", "21", "30", "31", "32", "36", "40", "50", "51", "60", "61", "62", "63", "64", "65", "66");

    @Test
    void migrateAnEmptyH2OnceOnly() {
        migrateOnceOnly(TestDatabase::h2Empty);
    }

    @Test
    void migrateAnEmptyPostgresSchemaOnceOnly() {
        migrateOnceOnly(TestDatabase::postgresEmpty);
    }

    /** H2 writes its file each time a sequence's cache runs out; every identity column of the schema has a large one. */
    @Test
    void everyIdentityColumnOnH2HandsOutNumbersFromACacheOfAThousand() {
        try (TestDatabase database = TestDatabase.h2()) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            List<String> caches = jdbc.sql("SELECT table_name || '.' || column_name || ' ' || identity_cache FROM information_schema.columns"
                    + " WHERE is_identity = 'YES' AND table_schema = SCHEMA() ORDER BY table_name").query(String.class).list();

            assertThat(caches).contains("DUTY_EVENT.SEQ 1000", "OBLIGATION.SEQ 1000", "PARTY.SEQ 1000", "DELIVERY.SEQ 1000")
                    .allMatch(column -> column.endsWith(" 1000"));
        }
    }

    private void migrateOnceOnly(Supplier<TestDatabase> empty) {
        try (TestDatabase database = empty.get()) {
            assertThat(Migrations.migrate(database.dataSource())).isEqualTo(VERSIONS.size());
            assertThat(Migrations.migrate(database.dataSource())).as("a second run").isZero();

            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            for (String table : TABLES) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
            // Flyway names its table in lower case and quoted, on H2 too; it may add a row for the schema itself
            assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" IN ('SQL', 'JDBC') AND \"success\" = TRUE")
                    .query(String.class).list()).containsExactlyElementsOf(VERSIONS);
            assertThat(jdbc.sql("SELECT size FROM ledger_state").query(Long.class).list()).as("the ledger's one row").containsExactly(0L);
        }
    }
}
