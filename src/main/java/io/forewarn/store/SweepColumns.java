package io.forewarn.store;

import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Migration 4: the columns the deadline sweep asks by, so that it reads what is due instead of every
 * obligation and warning — a warning's end ({@code warning.valid_to}) and the warning it renews
 * ({@code warning.renews}), and a report's end of threat ({@code report.window_to}), each indexed.
 *
 * <p>In Java rather than SQL because the values of rows already stored are in their JSON bodies, which H2
 * cannot take apart in SQL: each body is read as the casebook reads it. Runs in one transaction.
 */
final class SweepColumns extends StoredBodyMigration {

    SweepColumns() {
        super(4, "sweep columns");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE warning ADD COLUMN valid_to TIMESTAMP WITH TIME ZONE");
            ddl.execute("ALTER TABLE warning ADD COLUMN renews VARCHAR(200)");
            ddl.execute("ALTER TABLE report ADD COLUMN window_to TIMESTAMP WITH TIME ZONE");
        }
        Map<String, Warning> warnings = read(connection, "SELECT id, body FROM warning", Warning.class);
        try (PreparedStatement update = connection.prepareStatement("UPDATE warning SET valid_to = ?, renews = ? WHERE id = ?")) {
            for (Map.Entry<String, Warning> warning : warnings.entrySet()) {
                update.setObject(1, warning.getValue().validity().to().atOffset(ZoneOffset.UTC));
                update.setString(2, warning.getValue().renews().orElse(null));
                update.setString(3, warning.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        Map<String, ThreatReport> reports = read(connection, "SELECT id, body FROM report", ThreatReport.class);
        try (PreparedStatement update = connection.prepareStatement("UPDATE report SET window_to = ? WHERE id = ?")) {
            for (Map.Entry<String, ThreatReport> report : reports.entrySet()) {
                update.setObject(1, report.getValue().window().to().atOffset(ZoneOffset.UTC));
                update.setString(2, report.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE warning ALTER COLUMN valid_to SET NOT NULL");
            ddl.execute("ALTER TABLE report ALTER COLUMN window_to SET NOT NULL");
            ddl.execute("CREATE INDEX warning_valid_to_ix ON warning (valid_to)");
            ddl.execute("CREATE INDEX warning_renews_ix ON warning (renews)");
        }
    }

    private <T> Map<String, T> read(Connection connection, String sql, Class<T> type) throws Exception {
        Map<String, T> read = new LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                read.put(rows.getString(1), json.read(type, rows.getString(2)));
            }
        }
        return read;
    }
}
