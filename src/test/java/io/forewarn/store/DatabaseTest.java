package io.forewarn.store;

import io.forewarn.obligation.Casebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static io.forewarn.Crocus.CITIZENS;
import static io.forewarn.Crocus.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing, opening and describing the database. */
class DatabaseTest {

    @Test
    void withoutAUrlItIsTheEmbeddedH2FileUnderForewarnData() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of());

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:./forewarn-data/forewarn" + DatabaseSettings.H2_FLAGS);
        assertThat(settings.describe()).isEqualTo("H2 file ./forewarn-data/forewarn");
        assertThat(DatabaseSettings.fromEnvironment(Map.of("FOREWARN_DB_URL", "  "))).isEqualTo(settings);
    }

    @Test
    void thePoolSizeIsASettingWithAMeasuredDefault() {
        assertThat(DatabaseSettings.fromEnvironment(Map.of()).poolSize()).isEqualTo(DatabaseSettings.DEFAULT_POOL_SIZE);
        assertThat(DatabaseSettings.fromEnvironment(Map.of("FOREWARN_DB_POOL_SIZE", " 12 ")).poolSize()).isEqualTo(12);
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("FOREWARN_DB_POOL_SIZE", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FOREWARN_DB_POOL_SIZE must be a whole number from 1 to 100");
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("FOREWARN_DB_POOL_SIZE", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FOREWARN_DB_POOL_SIZE must be a whole number from 1 to 100, not 0");
    }

    @Test
    void aUrlChoosesTheDatabaseWithItsUserAndPassword() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "FOREWARN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "FOREWARN_DB_USER", "forewarn",
                "FOREWARN_DB_PASSWORD", "hunter2"));

        assertThat(settings).isEqualTo(new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/test", "forewarn", "hunter2"));
        assertThat(settings.describe()).isEqualTo("PostgreSQL 127.0.0.1:5432/test");
        assertThat(settings.toString()).contains("PostgreSQL 127.0.0.1:5432/test", "forewarn").doesNotContain("hunter2");
    }

    @Test
    void aDescriptionNeverShowsAPasswordEvenOneInTheUrl() {
        assertThat(new DatabaseSettings("jdbc:postgresql://db.example:5432/forewarn?user=fw&password=hunter2&ssl=true",
                null, null).describe()).isEqualTo("PostgreSQL db.example:5432/forewarn");
        assertThat(new DatabaseSettings("jdbc:h2:file:/var/lib/forewarn/db;PASSWORD=hunter2", "sa", "").describe())
                .isEqualTo("H2 file /var/lib/forewarn/db");
        assertThat(new DatabaseSettings("jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1", "sa", "").describe())
                .isEqualTo("H2 in memory scratch");
        assertThat(new DatabaseSettings("jdbc:other://host/db?password=hunter2", "u", "p").describe())
                .isEqualTo("JDBC jdbc:other://host/db");
        assertThatThrownBy(() -> new DatabaseSettings("postgresql://host/db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmbeddedDatabaseIsCreatedOnFirstOpenAndKeepsWhatItHolds(@TempDir Path directory) {
        DatabaseSettings settings = DatabaseSettings.embedded(directory.resolve("forewarn-data"));

        try (Database database = Database.open(settings)) {
            assertThat(database.description()).isEqualTo("H2 file " + directory.resolve("forewarn-data/forewarn"));
            Casebook casebook = database.casebook();
            casebook.putParty(CITIZENS);
            casebook.putReport(R1, Fixtures.triage(R1));
            assertThat(casebook.nextId("W")).isEqualTo("W-1");
        }
        assertThat(Files.exists(directory.resolve("forewarn-data/forewarn.mv.db"))).isTrue();

        try (Database again = Database.open(settings)) {
            Casebook casebook = again.casebook();
            assertThat(casebook.parties()).containsExactly(CITIZENS);
            assertThat(casebook.reports()).containsExactly(R1);
            assertThat(casebook.nextId("W")).isEqualTo("W-2");
        }
    }

    @Test
    void theEmbeddedDatabaseWritesEachCommitAtOnceAndKeepsSixtyFourStatementsAConnectionParsed(@TempDir Path directory)
            throws SQLException {
        try (Database database = Database.open(DatabaseSettings.embedded(directory));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('QUERY_CACHE_SIZE', 'WRITE_DELAY')")) {
            Map<String, String> values = new HashMap<>();
            while (settings.next()) {
                values.put(settings.getString(1), settings.getString(2));
            }
            assertThat(values).containsEntry("QUERY_CACHE_SIZE", "64").containsEntry("WRITE_DELAY", "0");
        }
    }

    @Test
    void aPostgresDatabaseIsMigratedWhenItOpens() {
        try (TestDatabase schema = TestDatabase.postgresEmpty();
             Database database = Database.open(new DatabaseSettings(schema.url(), schema.user(), ""))) {
            assertThat(database.description()).startsWith("PostgreSQL 127.0.0.1:5432/test").doesNotContain("currentSchema");
            Casebook casebook = database.casebook();
            casebook.putParty(CITIZENS);
            assertThat(casebook.parties()).containsExactly(CITIZENS);
        }
    }
}
