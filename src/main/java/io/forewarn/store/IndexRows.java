package io.forewarn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The rows an index keeps of some parties or reports, removed before they are written anew: one statement for all
 * the ids ({@link IdArray}), not one a row (issue 10: an import spent its waits on a DELETE per party).
 */
final class IndexRows {

    private IndexRows() {
    }

    /** Deletes the rows of {@code table} whose {@code column} (a party's or report's id) is one of {@code ids}. */
    static void delete(Connection connection, String table, String column, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement rows = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE " + column + " = ANY(?)")) {
            rows.setArray(1, IdArray.of(connection, ids));
            rows.executeUpdate();
        }
    }
}
