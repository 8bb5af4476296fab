package io.forewarn.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL alone takes to store the rows an import wrote: each table whose rows grew during the import,
 * copied out of the schema and into a new table made like it (its columns, defaults, indexes and checks, and its
 * foreign keys to the other tables copied, re-pointed at their copies), each timed as one {@code COPY} in. No
 * client, no server, no check, no ledger lock: the floor of an import that writes these rows, on this machine,
 * whatever the server does before it sends them.
 */
final class CopyFloor {

    /** One table copied again: its rows, the bytes of its text copy, and the time of the {@code COPY} in. */
    record Table(String name, long rows, long bytes, Duration time) {
    }

    private CopyFloor() {
    }

    /** The rows of every table of the schema, by table name. */
    static Map<String, Long> rowCounts(BenchSchema schema) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = schema.connect()) {
            for (String table : tables(connection, schema)) {
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT count(*) FROM " + schema.name() + "." + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the tables of " + schema.name() + " could not be counted: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * Copies again every table that holds more rows than {@code before} says, referenced tables first, through a file
     * in {@code directory} (removed after each), and times each {@code COPY} in; says each table's time to
     * {@code progress} as it is done.
     */
    static List<Table> copyAgain(BenchSchema schema, Map<String, Long> before, Path directory, PrintWriter progress) {
        Map<String, Long> after = rowCounts(schema);
        List<String> grown = after.keySet().stream().filter(table -> after.get(table) > before.getOrDefault(table, 0L)).toList();
        List<Table> copied = new ArrayList<>();
        try (Connection connection = schema.connect()) {
            Map<String, List<ForeignKey>> keys = foreignKeys(connection, schema, grown);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : referencedFirst(grown, keys)) {
                String source = schema.name() + "." + table;
                String target = schema.name() + ".floor_" + table;
                Path file = directory.resolve("floor-" + table + ".copy");
                try {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                        copy.copyOut("COPY " + source + " TO STDOUT", out);
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE " + target + " (LIKE " + source + " INCLUDING ALL)");
                        for (ForeignKey key : keys.getOrDefault(table, List.of())) {
                            // PostgreSQL names the referenced table with its schema, which is not on the search path
                            String referenced = "REFERENCES " + schema.name() + "." + key.references() + "(";
                            if (!key.definition().contains(referenced)) {
                                throw new IllegalStateException("the foreign key of " + table + " could not be pointed at "
                                        + "the copy of " + key.references() + ": " + key.definition());
                            }
                            statement.execute("ALTER TABLE " + target + " ADD " + key.definition().replace(referenced,
                                    "REFERENCES " + schema.name() + ".floor_" + key.references() + "("));
                        }
                    }
                    long start = System.nanoTime();
                    long rows;
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                        rows = copy.copyIn("COPY " + target + " FROM STDIN", in);
                    }
                    Table done = new Table(table, rows, Files.size(file), Duration.ofNanos(System.nanoTime() - start));
                    copied.add(done);
                    progress.printf(Locale.ROOT, "floor: %s, %,d rows copied again in %.2f s%n", table, rows,
                            done.time().toNanos() / 1e9);
                    progress.flush();
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the import's rows could not be copied again in " + schema.name() + ": "
                    + e.getMessage(), e);
        }
        return copied;
    }

    /** A foreign key of a table, as PostgreSQL prints it, and the table it references. */
    private record ForeignKey(String definition, String references) {
    }

    private static List<String> tables(Connection connection, BenchSchema schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            query.setString(1, schema.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** The foreign keys of {@code tables} that reference one of them, by the referring table. */
    private static Map<String, List<ForeignKey>> foreignKeys(Connection connection, BenchSchema schema, List<String> tables)
            throws SQLException {
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT referring.relname, referenced.relname,"
                + " pg_get_constraintdef(k.oid) FROM pg_constraint k"
                + " JOIN pg_class referring ON referring.oid = k.conrelid JOIN pg_class referenced ON referenced.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'f' AND n.nspname = ?")) {
            query.setString(1, schema.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (tables.contains(rows.getString(1)) && tables.contains(rows.getString(2))) {
                        keys.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                                .add(new ForeignKey(rows.getString(3), rows.getString(2)));
                    }
                }
            }
        }
        return keys;
    }

    /** The tables in an order where every table comes after those its foreign keys reference. */
    private static List<String> referencedFirst(List<String> tables, Map<String, List<ForeignKey>> keys) {
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            int placed = ordered.size();
            for (String table : tables) {
                if (!ordered.contains(table) && keys.getOrDefault(table, List.of()).stream()
                        .allMatch(key -> key.references().equals(table) || ordered.contains(key.references()))) {
                    ordered.add(table);
                }
            }
            if (ordered.size() == placed) {
                throw new IllegalStateException("the foreign keys among " + tables + " form a cycle");
            }
        }
        return ordered;
    }
}
