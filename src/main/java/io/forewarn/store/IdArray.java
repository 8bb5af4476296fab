package io.forewarn.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Ids sent as one array parameter, asked by {@code column = ANY(?)}: one statement text whatever their number, so one
 * plan, where an {@code IN} list of parameters makes a statement (and a plan) per length and, on PostgreSQL, checks
 * each row against the list one value at a time when the plan scans (issue 10: an import's lookups of ids on file).
 */
final class IdArray {

    private IdArray() {
    }

    /** The distinct ids, as an SQL array of text on this connection (both PostgreSQL and H2 take it). */
    static Array of(Connection connection, Collection<String> ids) throws SQLException {
        return connection.createArrayOf("varchar", new LinkedHashSet<>(ids).toArray());
    }
}
