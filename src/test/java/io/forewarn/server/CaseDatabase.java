package io.forewarn.server;

import io.forewarn.OutsideTheRepository;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.JdbcCasebook;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.forewarn.OutsideTheRepository.POSTGRES_URL;
import static io.forewarn.OutsideTheRepository.POSTGRES_USER;

/**
 * A database for servers started as processes: a fresh schema in the test PostgreSQL (dropped on close)
 * or an H2 file in a directory, with the environment that points {@code forewarn serve} at it, and a
 * look at its casebook from the test (for H2 only while no server has it open: one process owns the file).
 */
public final class CaseDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final Runnable dropper;

    private CaseDatabase(String url, String user, Runnable dropper) {
        this.url = url;
        this.user = user;
        this.dropper = dropper;
    }

    /** A fresh schema in the test PostgreSQL; without one the test is skipped, or fails when PostgreSQL is required. */
    public static CaseDatabase postgres() {
        OutsideTheRepository.postgres();
        String schema = "serve_test_" + UUID.randomUUID().toString().replace("-", "");
        try {
            run("CREATE SCHEMA " + schema);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot create the test schema " + schema + " in " + POSTGRES_URL, failed);
        }
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new CaseDatabase(url, POSTGRES_USER, () -> {
            try {
                run("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test schema " + schema, e);
            }
        });
    }

    /** The embedded database file, with the flags the server gives it by default. */
    public static CaseDatabase h2(Path directory) {
        return new CaseDatabase(DatabaseSettings.embedded(directory.toAbsolutePath()).url(), "sa", () -> { });
    }

    public Map<String, String> environment() {
        return Map.of(DatabaseSettings.URL_VARIABLE, url, DatabaseSettings.USER_VARIABLE, user);
    }

    /** Reads the casebook directly, on one connection of its own. */
    public <T> T read(Function<JdbcCasebook, T> query) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
        try {
            return query.apply(new JdbcCasebook(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    @Override
    public void close() {
        dropper.run();
    }

    private static void run(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
