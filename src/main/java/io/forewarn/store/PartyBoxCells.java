package io.forewarn.store;

import io.forewarn.party.Party;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 63: the boxes of where parties are get their column of longitude ({@link PartyIndex#cell}), a box's
 * size class bounds its width as well as its height, and the classes step by about three instead of ten
 * ({@link io.forewarn.place.Footprint#SIZE_CLASSES}). A report's candidates were a range of southern edges per class
 * across every longitude: at 100,000 parties some 2,700 index entries a report, most far east or west of it. Every
 * party on file gets its boxes anew from its body, as the casebook computes them when it puts a party, a page of
 * parties at a time so that a large casebook is never held in memory whole; the reports with a duty to warn get their
 * boxes anew too ({@link ReportIndex}), since those are kept by class.
 */
final class PartyBoxCells extends StoredBodyMigration {

    private static final int PAGE = 1_000;

    PartyBoxCells() {
        super(63, "party box cells and size classes");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE party_box ADD COLUMN lon_cell INT");
            ddl.execute("DELETE FROM party_box");
        }
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT seq, body FROM party WHERE removed_at IS NULL AND seq > ? ORDER BY seq LIMIT " + PAGE)) {
            long after = Long.MIN_VALUE;
            List<Party> parties;
            do {
                parties = new ArrayList<>(PAGE);
                page.setLong(1, after);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        parties.add(json.read(Party.class, rows.getString(2)));
                    }
                }
                PartyIndex.insertBoxes(connection, parties);
            } while (parties.size() == PAGE);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DELETE FROM report_box");
            ddl.execute("DELETE FROM report_name");
        }
        ReportIndex.insert(connection, reportsWithADutyToWarn(connection));
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE party_box ALTER COLUMN lon_cell SET NOT NULL");
            ddl.execute("DROP INDEX party_box_class_south_ix");
            // every column the candidate query reads is in the index, as migration 60 made it, so both databases
            // filter the range in the index itself
            ddl.execute("CREATE INDEX party_box_cell_ix ON party_box (size_class, lon_cell, south, north, west, east, party_id)");
        }
    }
}
