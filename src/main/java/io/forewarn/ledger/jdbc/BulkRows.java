package io.forewarn.ledger.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Many new rows written into one table in one go, the way the database takes them fastest (issue 10: an import
 * of a million parties). On PostgreSQL, from {@value #COPY_FROM} rows on, {@code COPY ... FROM STDIN} in its text
 * format: no statement parsed, planned or bound per row, and the rows stream to the server while it stores the
 * first ones. Otherwise (H2, or a few rows, where COPY's extra round trip costs more than it saves) one JDBC
 * statement batch of {@code INSERT}s, which PostgreSQL's driver sends as multi-row {@code INSERT}s.
 *
 * <p>Both write the same values: text, whole and decimal numbers, instants ({@link OffsetDateTime}) and null. A constraint a row breaks (a key already on file) fails the whole call with the driver's
 * {@link SQLException}, as a statement batch does. The casebook's import and the ledger's entries use it.
 */
public sealed interface BulkRows permits BulkRows.Copy, BulkRows.Batch {

    /** From this many rows on, PostgreSQL is sent COPY rather than a statement batch (measured: docs/benchmarks.md). */
    int COPY_FROM = 64;

    /**
     * Writes {@code rows} (each one value per column, in the order of {@code columns}) into {@code table}.
     *
     * @return the rows written
     */
    long insert(String table, List<String> columns, List<Object[]> rows) throws SQLException;

    /**
     * Writes {@code rows} into {@code table} as {@link #insert} does, each numbered by the table's identity column
     * {@code key} (a number greater than any given out before, not necessarily by one), and returns the numbers
     * in the order of the rows.
     */
    List<Long> insertNumbered(String table, String key, List<String> columns, List<Object[]> rows) throws SQLException;

    /** How {@code rows} rows go into a table over this connection. */
    static BulkRows of(Connection connection, int rows) throws SQLException {
        if (rows >= COPY_FROM && DatabaseKind.isPostgres(connection)) {
            return new Copy(connection, connection.unwrap(PGConnection.class).getCopyAPI());
        }
        return new Batch(connection);
    }

    /** PostgreSQL's {@code COPY ... FROM STDIN}, text format, sent in pieces of {@value #PIECE} bytes. */
    record Copy(Connection connection, CopyManager copies) implements BulkRows {

        private static final int PIECE = 1 << 16;

        @Override
        public long insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            CopyIn copy = copies.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
            try {
                StringBuilder text = new StringBuilder(PIECE + 1024);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        value(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() >= PIECE) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        /**
         * The numbers are taken from the identity column's own sequence first, in one query, so that the rows can
         * then be copied with them: COPY returns no keys.
         */
        @Override
        public List<Long> insertNumbered(String table, String key, List<String> columns, List<Object[]> rows)
                throws SQLException {
            List<Long> numbers = new ArrayList<>(rows.size());
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence(?, ?)) FROM generate_series(1, ?)")) {
                next.setString(1, table);
                next.setString(2, key);
                next.setInt(3, rows.size());
                try (ResultSet taken = next.executeQuery()) {
                    while (taken.next()) {
                        numbers.add(taken.getLong(1));
                    }
                }
            }
            Collections.sort(numbers);
            List<String> numbered = new ArrayList<>(columns.size() + 1);
            numbered.add(key);
            numbered.addAll(columns);
            List<Object[]> withNumbers = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = new Object[columns.size() + 1];
                row[0] = numbers.get(i);
                System.arraycopy(rows.get(i), 0, row, 1, columns.size());
                withNumbers.add(row);
            }
            insert(table, numbered, withNumbers);
            return numbers;
        }

        private static void send(CopyIn copy, StringBuilder text) throws SQLException {
            if (text.length() > 0) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }
        }

        /** Whether the text holds one of the four characters COPY's text format writes with a backslash (most does not). */
        private static boolean needsEscape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return false;
        }

        /** One value as COPY's text format writes it: {@code \N} for null, and a backslash before the four specials. */
        private static void value(StringBuilder text, Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof String s) {
                if (!needsEscape(s)) {
                    text.append(s);
                    return;
                }
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> text.append("\\\\");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        default -> text.append(c);
                    }
                }
            } else if (value instanceof Number || value instanceof OffsetDateTime) {
                // Double.toString is the shortest text that reads back as the same double; instants are ISO 8601
                text.append(value);
            } else {
                throw new IllegalArgumentException("COPY does not write a " + value.getClass().getName());
            }
        }
    }

    /** One JDBC statement batch of {@code INSERT}s, the values bound as single statements bind them (Spring's binding). */
    record Batch(Connection connection) implements BulkRows {

        @Override
        public long insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            try (PreparedStatement insert = connection.prepareStatement(sql(table, columns))) {
                bind(insert, rows);
                insert.executeBatch();
            }
            return rows.size();
        }

        @Override
        public List<Long> insertNumbered(String table, String key, List<String> columns, List<Object[]> rows)
                throws SQLException {
            if (rows.isEmpty()) {
                return List.of();
            }
            List<Long> numbers = new ArrayList<>(rows.size());
            try (PreparedStatement insert = connection.prepareStatement(sql(table, columns), new String[] {key})) {
                bind(insert, rows);
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        numbers.add(keys.getLong(1));
                    }
                }
            }
            if (numbers.size() != rows.size()) {
                throw new IllegalStateException("the database returned " + numbers.size() + " keys for " + rows.size()
                        + " rows inserted into " + table);
            }
            return numbers;
        }

        private static String sql(String table, List<String> columns) {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }

        private static void bind(PreparedStatement insert, List<Object[]> rows) throws SQLException {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    StatementCreatorUtils.setParameterValue(insert, i + 1, SqlTypeValue.TYPE_UNKNOWN, row[i]);
                }
                insert.addBatch();
            }
        }
    }
}
