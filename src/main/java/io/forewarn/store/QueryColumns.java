package io.forewarn.store;

import io.forewarn.report.ThreatReport;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;

/**
 * Migration 5: the columns and indexes the casebook's questions ask by, so that a listing page, a
 * report's obligations or an incident's reports are index reads: a report's harm and the start of its
 * threat window (filled from the bodies of rows already stored, read as the casebook reads them, as
 * {@link SweepColumns} does), and an index per filter that a listing pages through in {@code seq} order.
 */
final class QueryColumns extends StoredBodyMigration {

    QueryColumns() {
        super(5, "query columns");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE report ADD COLUMN harm VARCHAR(30)");
            ddl.execute("ALTER TABLE report ADD COLUMN window_from TIMESTAMP WITH TIME ZONE");
        }
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery("SELECT id, body FROM report");
             PreparedStatement update = connection.prepareStatement("UPDATE report SET harm = ?, window_from = ? WHERE id = ?")) {
            while (rows.next()) {
                ThreatReport report = json.read(ThreatReport.class, rows.getString(2));
                update.setString(1, report.harm().name());
                update.setObject(2, report.window().from().atOffset(ZoneOffset.UTC));
                update.setString(3, rows.getString(1));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE report ALTER COLUMN harm SET NOT NULL");
            ddl.execute("ALTER TABLE report ALTER COLUMN window_from SET NOT NULL");
            ddl.execute("CREATE INDEX report_harm_seq_ix ON report (harm, seq)");
            ddl.execute("CREATE INDEX report_window_to_ix ON report (window_to)");
            ddl.execute("CREATE INDEX party_audience_seq_ix ON party (audience, seq)");
            ddl.execute("CREATE INDEX obligation_state_seq_ix ON obligation (state, seq)");
            ddl.execute("CREATE INDEX obligation_party_seq_ix ON obligation (party_id, seq)");
            ddl.execute("CREATE INDEX obligation_report_seq_ix ON obligation (report_id, seq)");
            ddl.execute("CREATE INDEX obligation_deadline_seq_ix ON obligation (deadline, seq)");
            ddl.execute("CREATE INDEX draft_report_seq_ix ON draft (report_id, seq)");
            ddl.execute("CREATE INDEX draft_status_seq_ix ON draft (status, seq)");
            ddl.execute("CREATE INDEX warning_report_seq_ix ON warning (report_id, seq)");
            ddl.execute("CREATE INDEX warning_party_party_ix ON warning_party (party_id)");
            ddl.execute("CREATE INDEX waiver_obligation_seq_ix ON waiver (obligation_id, seq)");
        }
    }
}
