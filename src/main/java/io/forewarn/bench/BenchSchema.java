package io.forewarn.bench;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh schema in the PostgreSQL a bench was given, for one run, dropped afterwards; the server is pointed at
 * it by its {@code FOREWARN_DB_*} variables.
 */
record BenchSchema(String base, String name, Optional<String> user, Optional<String> password) {

    static BenchSchema create(String url, Optional<String> user, Map<String, String> environment) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url takes a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB), not " + url);
        }
        Optional<String> login = user.or(() -> Optional.ofNullable(environment.get("FOREWARN_DB_USER")));
        BenchSchema schema = new BenchSchema(url, "forewarn_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)),
                login, Optional.ofNullable(environment.get("FOREWARN_DB_PASSWORD")));
        schema.execute("CREATE SCHEMA " + schema.name());
        return schema;
    }

    String url() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FOREWARN_DB_URL", url());
        user.ifPresent(value -> variables.put("FOREWARN_DB_USER", value));
        password.ifPresent(value -> variables.put("FOREWARN_DB_PASSWORD", value));
        return variables;
    }

    void drop() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    /**
     * {@code COPY} of a CSV document (with its header) into a new table of text columns named by the header, the
     * baseline of an import: PostgreSQL's own bulk path, without checks or indexes. Returns the rows copied.
     */
    long copy(String table, String csv) {
        String header = csv.substring(0, csv.indexOf('\n'));
        String columns = java.util.Arrays.stream(header.split(",")).map(column -> "\"" + column + "\" text")
                .collect(java.util.stream.Collectors.joining(", "));
        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + name + "." + table + " (" + columns + ")");
            }
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + name + "." + table + " FROM STDIN (FORMAT csv, HEADER true)", new StringReader(csv));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed on " + base + ": " + e.getMessage(), e);
        }
    }

    /** The bytes the schema's tables take on disk, their indexes and TOAST included. */
    long bytes() {
        try (Connection connection = connect();
             java.sql.PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)"
                     + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'")) {
            query.setString(1, name);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the size of schema " + name + " could not be read on " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * The postmaster of the PostgreSQL the schema is in, where it runs on this machine and {@code /proc} shows it: the
     * parent of this connection's backend.
     */
    Optional<Long> postmaster() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return ProcessTreeCpu.parentOf(row.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL's process could not be found on " + base + ": " + e.getMessage(), e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(base, user.orElse(null), password.orElse(""));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BenchSchema[" + name + "]";
    }
}
