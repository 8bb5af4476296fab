package io.forewarn.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database for a benchmark, opened the way the server opens one ({@link Database#open}: a Hikari pool,
 * Flyway migrations, for H2 the embedded file with the server's flags): an H2 file in a directory of its own,
 * or a schema of its own in PostgreSQL. {@link #close} closes it and deletes the file or drops the schema;
 * {@link #detach} closes it and leaves them, for a later process to {@link #attach} to.
 */
final class BenchDatabase implements AutoCloseable {

    /** The PostgreSQL to use; a fresh schema is made in it. Same default as the store tests. */
    static final String POSTGRES_URL = System.getProperty("forewarn.bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("forewarn.bench.postgres.user", "postgres");
    static final String POSTGRES_PASSWORD = System.getProperty("forewarn.bench.postgres.password", "");

    static {
        quietLogs();
    }

    /** Logback prints DEBUG without a configuration; the pool's and Flyway's chatter would bury JMH's output. */
    static void quietLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        for (String noisy : new String[] {"com.zaxxer.hikari", "org.flywaydb"}) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.ERROR);
        }
    }

    private final String kind;
    private final DatabaseSettings settings;
    private final Runnable remove;
    private Database database;

    private BenchDatabase(String kind, DatabaseSettings settings, Runnable remove) {
        this.kind = kind;
        this.settings = settings;
        this.remove = remove;
        this.database = Database.open(settings);
    }

    /** {@code h2}: a new H2 file under {@code work}; {@code postgresql}: a new schema. Migrated, empty. */
    static BenchDatabase create(String kind, Path work, String name) {
        return create(kind, work, name, DatabaseSettings.DEFAULT_POOL_SIZE);
    }

    /** As {@link #create(String, Path, String)}, with a pool of {@code poolSize} connections. */
    static BenchDatabase create(String kind, Path work, String name, int poolSize) {
        switch (kind) {
            case "h2" -> {
                Path directory;
                try {
                    Files.createDirectories(work);
                    directory = Files.createTempDirectory(work.toAbsolutePath(), name + "-h2-");
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
                return new BenchDatabase(kind, DatabaseSettings.embedded(directory).withPoolSize(poolSize),
                        () -> deleteTree(directory));
            }
            case "postgresql" -> {
                String schema = "forewarn_bench_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_")
                        + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                run("CREATE SCHEMA " + schema);
                return new BenchDatabase(kind, postgres(schema).withPoolSize(poolSize),
                        () -> run("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
            }
            default -> throw new IllegalArgumentException("no database kind " + kind + " (h2 or postgresql)");
        }
    }

    /**
     * Opens a database another process made and {@link #detach}ed, given its {@link #location()}; closing this
     * one only closes it: the process that made it removes it.
     */
    static BenchDatabase attach(String kind, String location) {
        return switch (kind) {
            case "h2" -> new BenchDatabase(kind, DatabaseSettings.embedded(Path.of(location)), () -> { });
            case "postgresql" -> new BenchDatabase(kind, postgres(location), () -> { });
            default -> throw new IllegalArgumentException("no database kind " + kind + " (h2 or postgresql)");
        };
    }

    private static DatabaseSettings postgres(String schema) {
        return new DatabaseSettings(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                POSTGRES_USER, POSTGRES_PASSWORD);
    }

    /** The H2 directory or the PostgreSQL schema. */
    String location() {
        String url = settings.url();
        if (kind.equals("h2")) {
            String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
            return Path.of(path).getParent().toString();
        }
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    String kind() {
        return kind;
    }

    Database database() {
        return database;
    }

    /** Closes the pool (and the H2 file) and leaves the data where it is. */
    void detach() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Closes and removes the file or the schema. */
    @Override
    public void close() {
        detach();
        remove.run();
    }

    static void run(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " (user " + POSTGRES_USER + "): " + failed.getMessage(), failed);
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
