package io.forewarn.store;

import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.ledger.jdbc.DatabaseKind;
import io.forewarn.place.Gazetteer;
import io.forewarn.party.Party;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that writes a batch of parties: their {@code party} rows (the columns a query asks by, and the
 * body) and their index rows (places: {@link PartyIndex}; names and identifiers: {@link NameIndex}). New parties are inserted, with no read and no
 * index rows to remove first: each table in one bulk write ({@link BulkRows}: COPY on PostgreSQL, a statement batch
 * on H2). Replacements are upserted (PostgreSQL's {@code INSERT ... ON CONFLICT}, H2's
 * {@code MERGE}: a replaced party keeps its place in first-put order) and their index rows rewritten. A column or
 * an index table added to parties is added here, for both.
 */
final class PartyRows {

    private static final String COLUMNS = "id, kind, audience, body";
    private static final String UPSERT_POSTGRES = "INSERT INTO party (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            + " SET kind = EXCLUDED.kind, audience = EXCLUDED.audience, body = EXCLUDED.body";
    private static final String UPSERT_H2 = "MERGE INTO party (" + COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?)";

    private PartyRows() {
    }

    /**
     * Parties none of which is on file: their rows inserted, then their index rows, each table in one bulk write
     * ({@link BulkRows}: COPY on PostgreSQL). A party on file fails the whole write.
     */
    static void insert(Connection connection, List<Party> parties, CasebookJson json, Gazetteer gazetteer) throws SQLException {
        List<Object[]> rows = new ArrayList<>(parties.size());
        for (Party party : parties) {
            rows.add(new Object[] {party.id(), party.kind(), party.audience().name(), json.write(Party.class, party)});
        }
        BulkRows.of(connection, rows.size()).insert("party", List.of("id", "kind", "audience", "body"), rows);
        indexes(connection, parties, gazetteer);
    }

    /** Parties on file or not: their rows upserted, their old index rows removed and the new ones inserted. */
    static void upsert(Connection connection, List<Party> parties, CasebookJson json, Gazetteer gazetteer) throws SQLException {
        boolean postgres = DatabaseKind.isPostgres(connection);
        write(connection, postgres ? UPSERT_POSTGRES : UPSERT_H2, parties, json);
        List<String> ids = parties.stream().map(Party::id).toList();
        PartyIndex.delete(connection, ids);
        NameIndex.deleteParties(connection, ids);
        PartyIndex.deletePlaced(connection, ids);
        indexes(connection, parties, gazetteer);
    }

    /** The index rows of parties that have none: their places' boxes and names, their own names, their gazetteer places. */
    private static void indexes(Connection connection, List<Party> parties, Gazetteer gazetteer) throws SQLException {
        PartyIndex.insert(connection, parties);
        NameIndex.insertParties(connection, parties);
        PartyIndex.insertPlaced(connection, parties, gazetteer);
    }

    private static void write(Connection connection, String sql, List<Party> parties, CasebookJson json) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(sql)) {
            for (Party party : parties) {
                rows.setString(1, party.id());
                rows.setString(2, party.kind());
                rows.setString(3, party.audience().name());
                rows.setString(4, json.write(Party.class, party));
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }
}
