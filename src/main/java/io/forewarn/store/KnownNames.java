package io.forewarn.store;

import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Migration 30: the index of who parties are and whom reports name ({@link NameIndex}). Parties stored before
 * carried no names, so they have no rows; the rows of reports already stored that oblige warnings are computed
 * from their bodies, as the casebook computes them when it receives a report.
 */
final class KnownNames extends StoredBodyMigration {

    KnownNames() {
        super(30, "known names");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE party_known_name ("
                    + " party_id VARCHAR(200) NOT NULL,"
                    + " name_key VARCHAR(1000) NOT NULL)");
            ddl.execute("CREATE INDEX party_known_name_key_ix ON party_known_name (name_key)");
            ddl.execute("CREATE INDEX party_known_name_party_ix ON party_known_name (party_id)");
            ddl.execute("CREATE TABLE report_target_name ("
                    + " report_id VARCHAR(200) NOT NULL,"
                    + " window_to TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " name_key VARCHAR(1000) NOT NULL)");
            ddl.execute("CREATE INDEX report_target_name_key_ix ON report_target_name (name_key, window_to)");
            ddl.execute("CREATE INDEX report_target_name_report_ix ON report_target_name (report_id)");
        }
        NameIndex.insertReports(connection, reportsWithADutyToWarn(connection));
    }
}
