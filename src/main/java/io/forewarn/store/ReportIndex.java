package io.forewarn.store;

import io.forewarn.place.Box;
import io.forewarn.place.Reach;
import io.forewarn.report.ThreatReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Where the reports that oblige warnings can reach, as the database indexes it ({@link ReportPlaces} made the
 * tables): {@code report_box} holds the boxes of each report's {@link Reach} and {@code report_name} its name
 * keys, one row per finer mask it allows, each with the end of the report's threat window. It is the mirror of
 * {@link PartyIndex}: a party changed finds the open reports that reach it by joining its own index rows with
 * these ({@link #REACHING}), as {@link Reach#reaches} decides it in memory, never by reading every report.
 */
final class ReportIndex {

    private static final String INSERT_BOX = "INSERT INTO report_box (report_id, window_to, size_class, south, north,"
            + " west, east) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NAME = "INSERT INTO report_name (report_id, window_to, place_level, folded_name,"
            + " finer) VALUES (?, ?, ?, ?, ?)";

    /**
     * The (party, report) pairs of the parties named in {@code :ids} and the open reports whose place reaches
     * them: a box of the report's reach meets a box of the party's of the same size class, or a name key equals
     * one of the party's names. Both sides are index lookups: the party's rows by party id, then the reports'
     * rows by size class and southern edge, or by name.
     */
    static final String REACHING = "SELECT pb.party_id, rb.report_id FROM party_box pb JOIN report_box rb"
            + " ON rb.size_class = pb.size_class AND rb.south <= pb.north AND rb.north >= pb.south"
            + " AND rb.west <= pb.east AND rb.east >= pb.west"
            + " WHERE pb.party_id IN (:ids) AND rb.window_to > :now"
            + " UNION SELECT pn.party_id, rn.report_id FROM party_name pn JOIN report_name rn"
            + " ON rn.folded_name = pn.folded_name AND rn.place_level = pn.place_level AND rn.finer = pn.finer"
            + " WHERE pn.party_id IN (:ids) AND rn.window_to > :now";

    private ReportIndex() {
    }

    /** The rows of these reports, none of which has rows yet, in two statement batches. */
    static void insert(Connection connection, List<ThreatReport> reports) throws SQLException {
        try (PreparedStatement boxes = connection.prepareStatement(INSERT_BOX);
             PreparedStatement names = connection.prepareStatement(INSERT_NAME)) {
            for (ThreatReport report : reports) {
                Reach reach = Reach.of(report.place());
                OffsetDateTime windowTo = report.window().to().atOffset(ZoneOffset.UTC);
                for (Box box : reach.boxes()) {
                    boxes.setString(1, report.id());
                    boxes.setObject(2, windowTo);
                    boxes.setInt(3, box.sizeClass());
                    boxes.setDouble(4, box.south());
                    boxes.setDouble(5, box.north());
                    boxes.setDouble(6, box.west());
                    boxes.setDouble(7, box.east());
                    boxes.addBatch();
                }
                for (Reach.NameKey name : reach.names()) {
                    for (int finer : name.finer()) {
                        names.setString(1, report.id());
                        names.setObject(2, windowTo);
                        names.setString(3, name.level().key());
                        names.setString(4, PartyIndex.key(name.name()));
                        names.setInt(5, finer);
                        names.addBatch();
                    }
                }
            }
            boxes.executeBatch();
            names.executeBatch();
        }
    }

    /** Removes the rows of a report (before it is written anew). */
    static void delete(Connection connection, String reportId) throws SQLException {
        try (PreparedStatement boxes = connection.prepareStatement("DELETE FROM report_box WHERE report_id = ?");
             PreparedStatement names = connection.prepareStatement("DELETE FROM report_name WHERE report_id = ?")) {
            boxes.setString(1, reportId);
            boxes.executeUpdate();
            names.setString(1, reportId);
            names.executeUpdate();
        }
    }
}
