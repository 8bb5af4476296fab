package io.forewarn.store;

import io.forewarn.place.Box;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerPath;
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
 * keys, one row per finer mask it allows, each with the end of the report's threat window. A party changed
 * finds the open reports that may reach it from these rows, by the index on the window's end: only the reports
 * whose window has not ended are read, never every report, and {@link Reach#reaches} decides on the party's
 * {@link io.forewarn.place.Footprint} as the in-memory casebook does. (Joining the parties' own index rows with
 * these in SQL answers as much on PostgreSQL in a few milliseconds, but H2 plans that join over a list of a
 * thousand parameters by scanning, a second or more a chunk of an import: the open reports are the small side.)
 */
final class ReportIndex {

    private static final String INSERT_BOX = "INSERT INTO report_box (report_id, window_to, size_class, south, north,"
            + " west, east) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NAME = "INSERT INTO report_name (report_id, window_to, place_level, folded_name,"
            + " finer) VALUES (?, ?, ?, ?, ?)";

    /** The boxes of the open reports' reaches: one range of the index on {@code window_to}. */
    static final String OPEN_BOXES = "SELECT report_id, size_class, south, north, west, east FROM report_box"
            + " WHERE window_to > :now";

    /** The name keys of the open reports' reaches, one row per finer mask: the same range. */
    static final String OPEN_NAMES = "SELECT report_id, place_level, folded_name, finer FROM report_name"
            + " WHERE window_to > :now";

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

    /** The {@code report_place} rows of the open reports: where the gazetteer puts each report's place. */
    static final String OPEN_PLACES = "SELECT report_id, place_id, own, geometry FROM report_place WHERE window_to > :now";

    /** The {@code report_place} rows of these reports: their {@link GazetteerPath}, own entry first. */
    static void insertPlaced(Connection connection, List<ThreatReport> reports, Gazetteer gazetteer) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(
                "INSERT INTO report_place (report_id, window_to, place_id, own, geometry) VALUES (?, ?, ?, ?, ?)")) {
            for (ThreatReport report : reports) {
                GazetteerPath path = GazetteerPath.ofReport(report.place(), gazetteer);
                if (path.entry().isEmpty()) {
                    continue;
                }
                OffsetDateTime windowTo = report.window().to().atOffset(ZoneOffset.UTC);
                List<String> ids = new java.util.ArrayList<>(List.of(path.entry().get()));
                ids.addAll(path.within());
                for (int i = 0; i < ids.size(); i++) {
                    rows.setString(1, report.id());
                    rows.setObject(2, windowTo);
                    rows.setString(3, ids.get(i));
                    rows.setInt(4, i == 0 ? 1 : 0);
                    rows.setInt(5, path.geometry() ? 1 : 0);
                    rows.addBatch();
                }
            }
            rows.executeBatch();
        }
    }

    static void deletePlaced(Connection connection, String reportId) throws SQLException {
        IndexRows.delete(connection, "report_place", "report_id", List.of(reportId));
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
