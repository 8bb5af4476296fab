package io.forewarn.store;

import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.party.NamedTarget;
import io.forewarn.party.Party;
import io.forewarn.report.ThreatReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Who parties are, as the database indexes it ({@link KnownNames} made the tables): {@code party_known_name}
 * holds the keys a party's names and identifiers are filed under ({@link NamedTarget#keys}), and
 * {@code report_target_name} those a report's named target looks up ({@link NamedTarget#lookups}), with the end of
 * its threat window. A report's named target finds its candidate parties by equal keys, and a party registered or
 * renamed finds the open reports that may name it the same way; {@link NamedTarget#match} decides on the few
 * found. Keys are kept as {@link PartyIndex#key} keeps names, so any fits the index.
 */
final class NameIndex {

    private NameIndex() {
    }

    /** The rows of these parties, none of which has rows yet, in one bulk write ({@link BulkRows}). */
    static void insertParties(Connection connection, List<Party> parties) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Party party : parties) {
            for (String key : NamedTarget.keys(party.knownAs())) {
                rows.add(new Object[] {party.id(), PartyIndex.key(key)});
            }
        }
        BulkRows.of(connection, rows.size()).insert("party_known_name", List.of("party_id", "name_key"), rows);
    }

    /** Removes the rows of these parties (before they are written anew, or when taken off file). */
    static void deleteParties(Connection connection, List<String> partyIds) throws SQLException {
        IndexRows.delete(connection, "party_known_name", "party_id", partyIds);
    }

    /** The rows of these reports' named targets (reports that name none have none), in one statement batch. */
    static void insertReports(Connection connection, List<ThreatReport> reports) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(
                "INSERT INTO report_target_name (report_id, window_to, name_key) VALUES (?, ?, ?)")) {
            for (ThreatReport report : reports) {
                OffsetDateTime windowTo = report.window().to().atOffset(ZoneOffset.UTC);
                for (String key : NamedTarget.of(report).map(NamedTarget::lookups).orElse(java.util.Set.of())) {
                    rows.setString(1, report.id());
                    rows.setObject(2, windowTo);
                    rows.setString(3, PartyIndex.key(key));
                    rows.addBatch();
                }
            }
            rows.executeBatch();
        }
    }

    static void deleteReport(Connection connection, String reportId) throws SQLException {
        IndexRows.delete(connection, "report_target_name", "report_id", List.of(reportId));
    }

}
