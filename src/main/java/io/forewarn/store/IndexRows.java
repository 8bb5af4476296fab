package io.forewarn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The rows an index keeps of some parties or reports, removed before they are written anew: one statement a
 * thousand ids ({@code IN} list), not one a row (issue 10: an import spent its waits on a DELETE per party).
 */
final class IndexRows {

    /** Ids a DELETE names at most, so that its IN list stays within what both databases take. */
    private static final int CHUNK = 1000;

    private IndexRows() {
    }

    /** Deletes the rows of {@code table} whose {@code column} (a party's or report's id) is one of {@code ids}. */
    static void delete(Connection connection, String table, String column, Collection<String> ids) throws SQLException {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement rows = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    rows.setString(i + 1, chunk.get(i));
                }
                rows.executeUpdate();
            }
        }
    }
}
