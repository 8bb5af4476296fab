package io.forewarn.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/**
 * The database the casebook lives in: a connection pool on the configured URL, migrated to the
 * current schema when it opens (an embedded H2 file is created then). Close it to close the pool and,
 * for H2, the database file.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String description;

    private Database(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /**
     * Opens the pool and migrates; fails (and closes what it opened) with one line saying what is wrong when
     * the database cannot be reached, refuses the login, or will not take the tables.
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("forewarn");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(true); // a statement outside a transaction is its own; Spring turns it off per transaction
        batchInserts(config, settings.url());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException failed) {
            throw DatabaseUnavailableException.of(settings, failed);
        }
        try {
            Migrations.migrate(pool);
        } catch (RuntimeException failed) {
            pool.close();
            throw DatabaseUnavailableException.of(settings, failed);
        }
        return new Database(pool, settings.describe());
    }

    /**
     * On PostgreSQL, a statement batch of INSERTs goes as multi-row INSERTs (up to 128 rows a statement) instead of
     * one statement a row: the events, ledger entries, obligations and parties a change writes in batches (issue 10,
     * item 4). H2 is embedded: it has no round trips to save.
     */
    static void batchInserts(HikariConfig config, String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A casebook on this database. */
    public JdbcCasebook casebook() {
        return new JdbcCasebook(pool);
    }

    /** For a log line: "H2 file ./forewarn-data/forewarn", "PostgreSQL 127.0.0.1:5432/test"; never a password. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
