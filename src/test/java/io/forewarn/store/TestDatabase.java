package io.forewarn.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.forewarn.OutsideTheRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.forewarn.OutsideTheRepository.POSTGRES_URL;
import static io.forewarn.OutsideTheRepository.POSTGRES_USER;

/**
 * Test fixture: a fresh, empty database of its own for one test, closed (and for PostgreSQL dropped)
 * afterwards, so tests never see each other's rows: an H2 database in memory, or a new schema in the
 * PostgreSQL that CI runs at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust auth).
 * The PostgreSQL location can be moved with {@code -Dforewarn.test.postgres.url=...}.
 *
 * <p>Without a usable PostgreSQL a test asking for one is skipped, or fails under
 * {@code -Dforewarn.postgres.required=true} (as in CI): see {@link OutsideTheRepository#postgres()}.
 */
public final class TestDatabase implements AutoCloseable {

    static {
        // Every test opens a pool and migrates; their INFO lines, and Flyway's warning that it has not been
        // verified with H2 2.4 (once per H2 database), would bury the test output.
        for (String noisy : new String[] {"com.zaxxer.hikari", "org.flywaydb"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy)).setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private final String url;
    private final String user;
    private final HikariDataSource pool;
    private final Runnable dropper;

    private TestDatabase(String url, String user, Runnable dropper) {
        this.url = url;
        this.user = user;
        this.dropper = dropper;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        Database.batchInserts(config, url);
        this.pool = new HikariDataSource(config);
    }

    /** A new empty H2 database in memory, not yet migrated. */
    public static TestDatabase h2Empty() {
        String url = "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(url, "sa", () -> run(url, "sa", "SHUTDOWN"));
    }

    /** A new empty schema in the test PostgreSQL, not yet migrated; dropped on close. */
    public static TestDatabase postgresEmpty() {
        OutsideTheRepository.postgres();
        String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "");
        run(POSTGRES_URL, POSTGRES_USER, "CREATE SCHEMA " + schema);
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(url, POSTGRES_USER, () -> run(POSTGRES_URL, POSTGRES_USER, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** A migrated database of the kind a parameterised test names: {@code "h2"} or {@code "postgres"}. */
    public static TestDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException("no test database of kind " + kind);
        };
    }

    public static TestDatabase h2() {
        return migrated(h2Empty());
    }

    public static TestDatabase postgres() {
        return migrated(postgresEmpty());
    }

    private static TestDatabase migrated(TestDatabase database) {
        try {
            Migrations.migrate(database.dataSource());
            return database;
        } catch (RuntimeException failed) {
            database.close();
            throw failed;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        pool.close();
        dropper.run();
    }

    private static void run(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
