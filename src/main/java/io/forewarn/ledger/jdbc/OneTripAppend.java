package io.forewarn.ledger.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * On PostgreSQL, a change's ledger entries, their subtree hashes and the log's new size and edge written in one
 * statement (two inserts from arrays in data-modifying {@code WITH} clauses, then the update), so that the
 * {@code ledger_state} lock is held for one round trip besides the one that takes it and the commit. Each round trip
 * made under the lock waits for the writer's thread to be scheduled again, and every other writer waits for that
 * (issue 10: with the entries, nodes and size written in three statements, two to three transactions were always
 * queued on the lock at 150 reports a second). H2 runs in the server's process, where a statement costs no trip;
 * many rows (an import's) go by COPY ({@link BulkRows}).
 */
final class OneTripAppend {

    /** Up to this many entries go in one statement; more go by {@link BulkRows}. */
    static final int MAX_ENTRIES = BulkRows.COPY_FROM - 1;

    private static final String SQL = "WITH entries AS (INSERT INTO ledger_entry (idx, event_seq, at, body, leaf_hash)"
            + " SELECT e.idx, e.seq, ?, e.body, e.leaf FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
            + " AS e(idx, seq, body, leaf)),"
            + " nodes AS (INSERT INTO ledger_node (lvl, pos, hash)"
            + " SELECT n.lvl, n.pos, n.hash FROM unnest(?::int[], ?::bigint[], ?::text[]) AS n(lvl, pos, hash))"
            + " UPDATE ledger_state SET size = ?, right_edge = ? WHERE id = 1";

    private OneTripAppend() {
    }

    /**
     * Writes the rows and the new state in one statement when the database is PostgreSQL and the entries are few.
     *
     * @param entries each {@code {idx, event_seq, at, body, leaf_hash}}, all with the same {@code at}
     * @param nodes   each {@code {lvl, pos, hash}}
     * @return whether it wrote them; if not, nothing was written
     */
    static boolean write(Connection connection, List<Object[]> entries, List<Object[]> nodes, long size, String edge)
            throws SQLException {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES || !DatabaseKind.isPostgres(connection)) {
            return false;
        }
        try (PreparedStatement append = connection.prepareStatement(SQL)) {
            append.setObject(1, (OffsetDateTime) entries.get(0)[2]);
            append.setArray(2, connection.createArrayOf("bigint", column(entries, 0)));
            append.setArray(3, connection.createArrayOf("bigint", column(entries, 1)));
            append.setArray(4, connection.createArrayOf("text", column(entries, 3)));
            append.setArray(5, connection.createArrayOf("text", column(entries, 4)));
            append.setArray(6, connection.createArrayOf("int4", column(nodes, 0)));
            append.setArray(7, connection.createArrayOf("bigint", column(nodes, 1)));
            append.setArray(8, connection.createArrayOf("text", column(nodes, 2)));
            append.setLong(9, size);
            append.setString(10, edge);
            append.executeUpdate();
        }
        return true;
    }

    private static Object[] column(List<Object[]> rows, int index) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            values[i] = rows.get(i)[index];
        }
        return values;
    }
}
