package io.forewarn.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database is behind a connection. Forewarn runs on PostgreSQL and on an embedded H2; the few places that
 * write differently for each (COPY, one-statement appends, row locks that skip locked rows, advisory locks) ask
 * this, and nothing else.
 */
public enum DatabaseKind {
    POSTGRESQL, H2, OTHER;

    /** The kind, by the product name the driver reports (no round trip to the database). */
    public static DatabaseKind of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        return name.equals("h2") ? H2 : OTHER;
    }

    /** Whether the connection is to PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return of(connection) == POSTGRESQL;
    }
}
