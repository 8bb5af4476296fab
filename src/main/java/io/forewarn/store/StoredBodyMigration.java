package io.forewarn.store;

/**
 * A migration in Java because it fills new columns or tables from the JSON bodies of rows already stored, which
 * H2 cannot take apart in SQL: each body is read as the casebook reads it ({@link #json}).
 */
abstract class StoredBodyMigration extends NumberedMigration {

    protected final CasebookJson json = new CasebookJson();

    StoredBodyMigration(int version, String description) {
        super(version, description);
    }

    /** The reports stored with a duty to warn, in the order received: those the indexes of reports hold rows of. */
    protected final java.util.List<io.forewarn.report.ThreatReport> reportsWithADutyToWarn(java.sql.Connection connection)
            throws java.sql.SQLException {
        java.util.List<io.forewarn.report.ThreatReport> reports = new java.util.ArrayList<>();
        try (java.sql.Statement query = connection.createStatement();
             java.sql.ResultSet rows = query.executeQuery("SELECT body FROM report WHERE triage_outcome = '"
                     + io.forewarn.policy.Triage.Outcome.DUTY_TO_WARN.name() + "' ORDER BY seq")) {
            while (rows.next()) {
                reports.add(json.read(io.forewarn.report.ThreatReport.class, rows.getString(1)));
            }
        }
        return reports;
    }
}
