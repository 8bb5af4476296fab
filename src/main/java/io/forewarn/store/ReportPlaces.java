package io.forewarn.store;

import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Migration 15: the index of where reports that oblige warnings reach ({@link ReportIndex}), so that a party
 * registered or moved finds the open reports that may affect it; and {@code party.removed_at}, set when a
 * party is taken off file. The rows of the reports already stored are computed from their bodies, as the
 * casebook computes them when it receives a report.
 */
final class ReportPlaces extends StoredBodyMigration {

    ReportPlaces() {
        super(15, "report places");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE party ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE");
            ddl.execute("CREATE TABLE report_box ("
                    + " report_id VARCHAR(200) NOT NULL,"
                    + " window_to TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " size_class INT NOT NULL,"
                    + " south DOUBLE PRECISION NOT NULL,"
                    + " north DOUBLE PRECISION NOT NULL,"
                    + " west DOUBLE PRECISION NOT NULL,"
                    + " east DOUBLE PRECISION NOT NULL)");
            // the open reports' rows are one range of these indexes, however many reports have closed
            ddl.execute("CREATE INDEX report_box_open_ix ON report_box (window_to)");
            ddl.execute("CREATE INDEX report_box_report_ix ON report_box (report_id)");
            ddl.execute("CREATE TABLE report_name ("
                    + " report_id VARCHAR(200) NOT NULL,"
                    + " window_to TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " place_level VARCHAR(10) NOT NULL,"
                    + " folded_name VARCHAR(1000) NOT NULL,"
                    + " finer INT NOT NULL)");
            ddl.execute("CREATE INDEX report_name_open_ix ON report_name (window_to)");
            ddl.execute("CREATE INDEX report_name_report_ix ON report_name (report_id)");
        }
        ReportIndex.insert(connection, reportsWithADutyToWarn(connection));
    }
}
