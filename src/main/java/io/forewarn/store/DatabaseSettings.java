package io.forewarn.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database the casebook lives in: a JDBC URL with user and password. Built from the process
 * environment by the caller ({@link #fromEnvironment(Map)} takes the map, so nothing here reads
 * {@code System.getenv}). {@link #toString()} and {@link #describe()} never show the password.
 *
 * @param password empty for none; may be null only where the driver takes it from elsewhere
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public static final String URL_VARIABLE = "FOREWARN_DB_URL";
    public static final String USER_VARIABLE = "FOREWARN_DB_USER";
    public static final String PASSWORD_VARIABLE = "FOREWARN_DB_PASSWORD";
    public static final String POOL_SIZE_VARIABLE = "FOREWARN_DB_POOL_SIZE";

    /**
     * Connections in the pool unless {@code FOREWARN_DB_POOL_SIZE} says otherwise: measured by
     * {@code PoolSizeBenchmark} (docs/benchmarks.md) on 2 cores, 16 threads opening reports on PostgreSQL: 8
     * connections opened 2.3 times as many reports a second as 16, and with 2 or 4 threads waited past Hikari's
     * 30 s for a connection.
     */
    public static final int DEFAULT_POOL_SIZE = 8;
    static final int MAX_POOL_SIZE = 100;

    /** Where the embedded database lives when no URL is given: relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("forewarn-data");

    /**
     * The H2 flags of the embedded database:
     * <ul>
     *   <li>{@code AUTO_SERVER=FALSE}: one process owns the file, and a second one fails at once with
     *       "database may be already in use" instead of quietly sharing it; several nodes share a
     *       PostgreSQL, not an H2 file.</li>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the database closes when {@link Database#close()} closes the
     *       pool, not from H2's own shutdown hook, which could close it under a shutdown still recording
     *       its last events.</li>
     *   <li>{@code WRITE_DELAY=0}: a commit reaches the file at once, not up to half a second later, so a
     *       recorded decision survives a crash; the workload is a few writes per decision.</li>
     *   <li>{@code QUERY_CACHE_SIZE=64}: each connection keeps its 64 latest statements parsed and planned. A
     *       report sends some twenty kinds of statement and H2 keeps 8 by default, so every statement was parsed
     *       and planned again: 15% of the server's CPU for a report (bench ingest, 100,000 parties).</li>
     * </ul>
     * The page cache stays at H2's 16 MiB: an eighth of the heap (512 MiB) spared a report's candidate query its
     * page reads, but an import of 100,000 parties then ran at 2,100-2,500 rows/s against 3,200-3,700
     * (docs/benchmarks.md, "H2's statement cache").
     */
    public static final String H2_FLAGS = ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(POOL_SIZE_VARIABLE + " must be a whole number from 1 to " + MAX_POOL_SIZE
                    + ", not " + poolSize);
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("the database URL (" + URL_VARIABLE
                    + ") starts with jdbc:, e.g. jdbc:postgresql://127.0.0.1:5432/forewarn");
        }
    }

    public DatabaseSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** The same database with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size);
    }

    /** The embedded H2 database file {@code forewarn} in {@code directory}, created on first use. */
    public static DatabaseSettings embedded(Path directory) {
        String path = directory.toString().replace('\\', '/');
        if (!directory.isAbsolute() && !path.startsWith(".")) {
            path = "./" + path; // H2 wants relative paths spelled relative
        }
        return new DatabaseSettings("jdbc:h2:file:" + path + "/forewarn" + H2_FLAGS, "sa", "");
    }

    /**
     * {@code FOREWARN_DB_URL}, {@code FOREWARN_DB_USER} and {@code FOREWARN_DB_PASSWORD} from the given
     * environment; without a URL, the embedded database under {@code ./forewarn-data/}.
     */
    public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
        Optional<String> url = value(environment, URL_VARIABLE);
        int poolSize = poolSize(environment);
        if (url.isEmpty()) {
            DatabaseSettings embedded = embedded(DEFAULT_DIRECTORY);
            return new DatabaseSettings(embedded.url(), value(environment, USER_VARIABLE).orElse(embedded.user()),
                    value(environment, PASSWORD_VARIABLE).orElse(embedded.password()), poolSize);
        }
        return new DatabaseSettings(url.get(), value(environment, USER_VARIABLE).orElse(null),
                value(environment, PASSWORD_VARIABLE).orElse(null), poolSize);
    }

    private static int poolSize(Map<String, String> environment) {
        Optional<String> given = value(environment, POOL_SIZE_VARIABLE);
        try {
            return given.map(Integer::parseInt).orElse(DEFAULT_POOL_SIZE);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(POOL_SIZE_VARIABLE + " must be a whole number from 1 to " + MAX_POOL_SIZE);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The database for a log line, without user, password or URL parameters (which may carry a
     * password): "H2 file ./forewarn-data/forewarn", "PostgreSQL 127.0.0.1:5432/test".
     */
    public String describe() {
        if (url.startsWith("jdbc:h2:")) {
            String rest = before(url.substring("jdbc:h2:".length()), ';');
            if (rest.startsWith("mem:")) {
                return "H2 in memory " + rest.substring("mem:".length());
            }
            return "H2 file " + (rest.startsWith("file:") ? rest.substring("file:".length()) : rest);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String rest = before(before(url.substring("jdbc:postgresql:".length()), '?'), ';');
            return "PostgreSQL " + (rest.startsWith("//") ? rest.substring(2) : rest);
        }
        return "JDBC " + before(before(url, '?'), ';');
    }

    private static String before(String text, char stop) {
        int at = text.indexOf(stop);
        return at < 0 ? text : text.substring(0, at);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user " + (user == null ? "(driver default)" : user) + "]";
    }
}
