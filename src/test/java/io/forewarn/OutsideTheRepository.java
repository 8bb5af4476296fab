package io.forewarn;

import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What some tests need from outside the repository: the shared standards folder beside the clone
 * ({@code ../shared}) and a running PostgreSQL. A fresh clone has neither and must still build and
 * pass, so a test that needs a missing one is skipped (aborted), and the first such test of a run
 * prints one loud line saying what is missing. A build that means to run those tests (as
 * {@code .ci/run} does) sets {@value #SHARED_REQUIRED}{@code =true} and
 * {@value #POSTGRES_REQUIRED}{@code =true}, and then a missing one fails every test that needs it.
 *
 * <p>Tests call {@link #sharedFolder} (from {@code @BeforeAll}, so a whole class is skipped before its
 * parameter sources read the folder) or {@link #postgres} (from the fixtures that open a PostgreSQL
 * schema, so a test run on H2 and on PostgreSQL still runs on H2).
 */
public final class OutsideTheRepository {

    public static final String SHARED_REQUIRED = "forewarn.shared.required";
    public static final String POSTGRES_REQUIRED = "forewarn.postgres.required";

    /** The shared folder: surefire passes {@code ${project.basedir}/../shared}; an IDE run falls back to ../shared. */
    public static final Path SHARED = Path.of(System.getProperty("forewarn.shared", "../shared")).toAbsolutePath().normalize();

    /** The PostgreSQL of the development and CI machines (trust auth, database {@code test}), unless moved. */
    public static final String POSTGRES_URL =
            System.getProperty("forewarn.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("forewarn.test.postgres.user", "postgres");

    /** Lines already printed in this JVM: surefire runs every test class in one fork, so once per run. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private OutsideTheRepository() {
    }

    /**
     * The folder {@code relative} to the shared folder, for {@code test}; when it is not there, aborts the
     * caller (one loud line per test class) or, with {@value #SHARED_REQUIRED}{@code =true}, fails it.
     */
    public static Path sharedFolder(String relative, Class<?> test) {
        Path folder = SHARED.resolve(relative);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        String missing = folder + " not found (the shared folder beside the clone; -Dforewarn.shared=DIR points elsewhere)";
        if (required(SHARED_REQUIRED)) {
            throw new AssertionError("REQUIRED: " + missing + "; " + test.getSimpleName() + " needs it and -D"
                    + SHARED_REQUIRED + "=true is set");
        }
        throw skipped(missing + "; " + test.getSimpleName() + " not run (set -D" + SHARED_REQUIRED
                + "=true to make this a failure)");
    }

    /**
     * Returns when the test PostgreSQL accepts a login; otherwise aborts the caller (one loud line per run)
     * or, with {@value #POSTGRES_REQUIRED}{@code =true}, fails it.
     */
    public static void postgres() {
        Optional<String> unusable = PostgresProbe.UNUSABLE;
        if (unusable.isEmpty()) {
            return;
        }
        if (required(POSTGRES_REQUIRED)) {
            throw new AssertionError("REQUIRED: " + unusable.get() + "; the tests that need it fail because -D"
                    + POSTGRES_REQUIRED + "=true is set (start it, as .ci/run does, or point "
                    + "-Dforewarn.test.postgres.url and -Dforewarn.test.postgres.user at one)");
        }
        throw skipped(unusable.get() + "; the tests that need it are not run (set -D" + POSTGRES_REQUIRED
                + "=true to make this a failure)");
    }

    private static boolean required(String property) {
        return Boolean.parseBoolean(System.getProperty(property, "false"));
    }

    /** Prints the line the first time only; the exception (what JUnit's assumptions throw) skips the calling test. */
    private static TestAbortedException skipped(String why) {
        String line = "SKIPPED: " + why;
        if (ANNOUNCED.add(line)) {
            // stderr is shown by Maven whatever the log level (-q included), so the skip cannot pass unseen.
            System.err.println(line);
        }
        return new TestAbortedException(line);
    }

    /** Tried once per run, on first use: every later test gets the same answer without waiting on a timeout again. */
    private static final class PostgresProbe {

        /** Empty when a login succeeded, else why the test PostgreSQL cannot be used. */
        static final Optional<String> UNUSABLE = probe();

        private static Optional<String> probe() {
            Properties login = new Properties();
            login.setProperty("user", POSTGRES_USER);
            login.setProperty("password", "");
            // Seconds; a firewalled address would otherwise hold the first test for the driver's default of 10.
            login.setProperty("connectTimeout", "3");
            try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, login)) {
                return Optional.empty();
            } catch (SQLException failed) {
                // SQLSTATE 08001: the driver reached no server at all; anything else is a server that answered and refused.
                return Optional.of("08001".equals(failed.getSQLState())
                        ? "no PostgreSQL answers at " + POSTGRES_URL + " (" + firstSentence(failed.getMessage()) + ")"
                        : "PostgreSQL at " + POSTGRES_URL + " refused the login of user " + POSTGRES_USER + " ("
                        + firstSentence(failed.getMessage()) + ")");
            }
        }

        /** The driver's messages go on with advice ("Check that the hostname and port are correct ..."); one line is enough. */
        private static String firstSentence(String message) {
            String text = message == null ? "no message" : message.strip().replaceAll("\\s+", " ");
            int end = text.indexOf(". ");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
