package io.forewarn.store;

import io.forewarn.ClosedPort;
import io.forewarn.OutsideTheRepository;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.forewarn.OutsideTheRepository.POSTGRES_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database that cannot be used is one line naming the database, the user and what to change: the URL,
 * the user or the password; never the password itself. Each case is met for real where this machine allows
 * it (PostgreSQL trusts every login here, so a wrong password, and an H2 file held by another process, are
 * read from the driver's refusal as it comes).
 */
class DatabaseUnavailableTest {

    private static final String PASSWORD = "hunter2-not-shown";

    @Test
    void aDatabaseThatDoesNotExistNamesTheUrl() {
        OutsideTheRepository.postgres();

        assertThat(refusal(new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/forewarn_no_such_database", POSTGRES_USER, PASSWORD)))
                .isEqualTo("cannot open the database PostgreSQL 127.0.0.1:5432/forewarn_no_such_database as user postgres: "
                        + "no such database (database \"forewarn_no_such_database\" does not exist): create it, or correct "
                        + "the database name at the end of FOREWARN_DB_URL");
    }

    @Test
    void aRoleThatDoesNotExistNamesTheUser() {
        OutsideTheRepository.postgres();

        assertThat(refusal(new DatabaseSettings(OutsideTheRepository.POSTGRES_URL, "forewarn_no_such_role", PASSWORD)))
                .isEqualTo("cannot open the database PostgreSQL 127.0.0.1:5432/test as user forewarn_no_such_role: user "
                        + "forewarn_no_such_role may not log in (role \"forewarn_no_such_role\" does not exist): check "
                        + "FOREWARN_DB_USER, or create the role");
    }

    @Test
    void aPortWhereNothingAnswersNamesTheUrl() {
        int closed = ClosedPort.any();

        assertThat(refusal(new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closed + "/forewarn", "forewarn", PASSWORD)))
                .isEqualTo("cannot open the database PostgreSQL 127.0.0.1:" + closed + "/forewarn as user forewarn: nothing "
                        + "answers at its host and port (Connection to 127.0.0.1:" + closed + " refused): check FOREWARN_DB_URL "
                        + "and that the database server runs");
    }

    @Test
    void anUnknownHostNamesTheUrl() {
        assertThat(refusal(new DatabaseSettings("jdbc:postgresql://no-such-host.invalid:5432/forewarn", "forewarn", PASSWORD)))
                .isEqualTo("cannot open the database PostgreSQL no-such-host.invalid:5432/forewarn as user forewarn: unknown "
                        + "host no-such-host.invalid: check the host in FOREWARN_DB_URL");
    }

    @Test
    void aUrlNoDriverTakesNamesTheUrlAndItsShape() {
        assertThat(refusal(new DatabaseSettings("jdbc:postgres://127.0.0.1:5432/forewarn?password=" + PASSWORD, "forewarn", PASSWORD)))
                .isEqualTo("cannot open the database JDBC jdbc:postgres://127.0.0.1:5432/forewarn as user forewarn: no driver "
                        + "for this URL: FOREWARN_DB_URL is jdbc:postgresql://HOST:5432/DATABASE, or jdbc:h2:file:PATH");
        assertThatThrownBy(() -> new DatabaseSettings("postgresql://127.0.0.1/forewarn", "forewarn", PASSWORD))
                .hasMessage("the database URL (FOREWARN_DB_URL) starts with jdbc:, e.g. jdbc:postgresql://127.0.0.1:5432/forewarn");
    }

    /** The driver's refusals as a PostgreSQL with password authentication (scram-sha-256) gives them. */
    @Test
    void aRefusedPasswordNamesThePasswordVariable() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"forewarn\"", "28P01");

        assertThat(DatabaseUnavailableException.of(settings(), new RuntimeException("Failed to initialize pool", refused)).getMessage())
                .isEqualTo("cannot open the database PostgreSQL db.example:5432/forewarn as user forewarn: the password of "
                        + "user forewarn was refused (password authentication failed for user \"forewarn\"): check "
                        + "FOREWARN_DB_PASSWORD, and FOREWARN_DB_USER (the server does not say which of the two is wrong)");
        SQLException none = new SQLException("The server requested SCRAM-based authentication, but no password was provided.", "08004");
        assertThat(DatabaseUnavailableException.of(settings(), none).getMessage())
                .endsWith(": the server wants a password for user forewarn (The server requested SCRAM-based authentication, "
                        + "but no password was provided.): set FOREWARN_DB_PASSWORD");
    }

    @Test
    void aUserWhoMayNotCreateTheTablesIsToldToOwnTheDatabase() {
        SQLException denied = new SQLException("ERROR: permission denied for schema public", "42501");

        assertThat(DatabaseUnavailableException.of(settings(), new RuntimeException("Unable to create table", denied)).getMessage())
                .endsWith(": user forewarn may not create Forewarn's tables (ERROR: permission denied for schema public): make "
                        + "FOREWARN_DB_USER the owner of the database");
    }

    @Test
    void anEmbeddedFileAnotherProcessHoldsSaysSo() {
        SQLException inUse = new SQLException("Database may be already in use: \"/srv/forewarn-data/forewarn.mv.db\". "
                + "Possible solutions: close all other connection(s); use the server mode [90020-240]", "90020");
        DatabaseSettings embedded = DatabaseSettings.embedded(java.nio.file.Path.of("/srv/forewarn-data"));

        assertThat(DatabaseUnavailableException.of(embedded, inUse).getMessage())
                .startsWith("cannot open the database H2 file /srv/forewarn-data/forewarn as user sa: another process has the "
                        + "embedded database open (Database may be already in use: ")
                .endsWith("): stop the server using it, or use GET /api/v1/ledger/export while it runs");
    }

    private static DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:postgresql://db.example:5432/forewarn", "forewarn", PASSWORD);
    }

    /** The one line of the refusal, checked to be one line and to keep the password out. */
    private static String refusal(DatabaseSettings settings) {
        DatabaseUnavailableException refused = catchThrowableOfType(DatabaseUnavailableException.class, () -> Database.open(settings));
        assertThat(refused).as("opening %s", settings).isNotNull();
        assertThat(refused.getMessage()).doesNotContain(PASSWORD).doesNotContain("\n");
        return refused.getMessage();
    }
}
