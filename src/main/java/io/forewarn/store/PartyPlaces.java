package io.forewarn.store;

import io.forewarn.party.Party;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 6: the index of where parties are ({@link PartyIndex}): {@code party_box}, the boxes of each
 * party's geometry in degrees, and {@code party_name}, the folded names of its place path, one row per
 * level. The names of parties already stored are computed from their bodies, as the casebook computes them
 * when it puts a party; their boxes are left to migration 63 ({@link PartyBoxCells}), which writes every party's as
 * they are kept since.
 */
final class PartyPlaces extends StoredBodyMigration {

    PartyPlaces() {
        super(6, "party places");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE party_box ("
                    + " party_id VARCHAR(200) NOT NULL,"
                    + " size_class INT NOT NULL,"
                    + " south DOUBLE PRECISION NOT NULL,"
                    + " north DOUBLE PRECISION NOT NULL,"
                    + " west DOUBLE PRECISION NOT NULL,"
                    + " east DOUBLE PRECISION NOT NULL)");
            ddl.execute("CREATE INDEX party_box_class_south_ix ON party_box (size_class, south)");
            ddl.execute("CREATE INDEX party_box_party_ix ON party_box (party_id)");
            ddl.execute("CREATE TABLE party_name ("
                    + " party_id VARCHAR(200) NOT NULL,"
                    + " place_level VARCHAR(10) NOT NULL,"
                    + " folded_name VARCHAR(1000) NOT NULL,"
                    + " finer INT NOT NULL)");
            ddl.execute("CREATE INDEX party_name_name_ix ON party_name (folded_name, place_level, finer)");
            ddl.execute("CREATE INDEX party_name_party_ix ON party_name (party_id)");
        }
        List<Party> parties = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery("SELECT body FROM party ORDER BY seq")) {
            while (rows.next()) {
                parties.add(json.read(Party.class, rows.getString(1)));
            }
        }
        PartyIndex.insertNames(connection, parties);
    }
}
