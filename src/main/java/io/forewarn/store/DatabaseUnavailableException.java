package io.forewarn.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The configured database cannot be used, with one line that says which part of the configuration is
 * wrong: the URL ({@code FOREWARN_DB_URL}: no driver for it, nothing answering at its host and port, no
 * such database), the user ({@code FOREWARN_DB_USER}: no such role, or one without the right to create
 * the tables), the password ({@code FOREWARN_DB_PASSWORD}), or an embedded file another process holds.
 * The line names the database as {@link DatabaseSettings#describe()} does and the user, never the password.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why {@code settings} could not be opened, read from {@code failure} (the pool's, the driver's or Flyway's). */
    public static DatabaseUnavailableException of(DatabaseSettings settings, Throwable failure) {
        String database = settings.describe();
        String user = settings.user() == null ? "(the driver's default)" : settings.user();
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String said = firstLine(sql != null ? sql : failure);
        String why;
        if (find(failure, UnknownHostException.class) != null) {
            why = "unknown host " + firstLine(find(failure, UnknownHostException.class))
                    + ": check the host in " + DatabaseSettings.URL_VARIABLE;
        } else if (find(failure, ConnectException.class) != null || state.equals("08001") && said.contains("refused")) {
            why = "nothing answers at its host and port (" + said + "): check " + DatabaseSettings.URL_VARIABLE
                    + " and that the database server runs";
        } else if (state.equals("3D000")) {
            why = "no such database (" + said + "): create it, or correct the database name at the end of "
                    + DatabaseSettings.URL_VARIABLE;
        } else if (state.equals("28P01")) {
            // PostgreSQL answers a user it does not know the same way, so as not to tell which users exist.
            why = "the password of user " + user + " was refused (" + said + "): check " + DatabaseSettings.PASSWORD_VARIABLE
                    + ", and " + DatabaseSettings.USER_VARIABLE + " (the server does not say which of the two is wrong)";
        } else if (state.equals("08004") && said.toLowerCase(Locale.ROOT).contains("password")) {
            why = "the server wants a password for user " + user + " (" + said + "): set " + DatabaseSettings.PASSWORD_VARIABLE;
        } else if (state.equals("28000")) {
            why = "user " + user + " may not log in (" + said + "): check " + DatabaseSettings.USER_VARIABLE
                    + ", or create the role";
        } else if (state.equals("42501")) {
            why = "user " + user + " may not create Forewarn's tables (" + said + "): make " + DatabaseSettings.USER_VARIABLE
                    + " the owner of the database";
        } else if (state.equals("90020")) {
            why = "another process has the embedded database open (" + said + "): stop the server using it, or use "
                    + "GET /api/v1/ledger/export while it runs";
        } else if (said.contains("No suitable driver") || said.contains("Failed to get driver instance")) {
            why = "no driver for this URL: " + DatabaseSettings.URL_VARIABLE
                    + " is jdbc:postgresql://HOST:5432/DATABASE, or jdbc:h2:file:PATH";
        } else {
            why = said;
        }
        return new DatabaseUnavailableException("cannot open the database " + database + " as user " + user + ": " + why,
                failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The driver's first line, without PostgreSQL's "FATAL: " or the advice it adds after it. */
    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String line = message.strip().lines().findFirst().orElse("").strip();
        if (line.startsWith("FATAL: ")) {
            line = line.substring("FATAL: ".length());
        }
        int advice = line.indexOf(". Check that");
        return advice < 0 ? line : line.substring(0, advice);
    }
}
