package io.forewarn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** The rows an index keeps of some parties or reports, removed in one statement batch before they are written anew. */
final class IndexRows {

    private IndexRows() {
    }

    /** Deletes the rows of {@code table} whose {@code column} (a party's or report's id) is one of {@code ids}. */
    static void delete(Connection connection, String table, String column, Collection<String> ids) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
            for (String id : ids) {
                rows.setString(1, id);
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }
}
