package io.forewarn.store;

import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.ledger.jdbc.DatabaseKind;
import io.forewarn.party.Party;
import io.forewarn.place.Box;
import io.forewarn.place.Footprint;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerPath;
import io.forewarn.place.PathName;
import io.forewarn.place.Reach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where parties are, as the database indexes it ({@link PartyPlaces} made the tables, {@link PartyBoxCells} the
 * column of longitude): {@code party_box} holds the boxes of each party's {@link Footprint}, indexed by size class,
 * {@linkplain #cell column of longitude} and southern edge, so the boxes that can meet a query's are a range of
 * southern edges in each of a few columns a class; {@code party_name} the folded names of its
 * place path (indexed by name), {@code party_place} where the gazetteer puts it ({@link GazetteerPath}, indexed by
 * the gazetteer's id). {@link #candidates} asks both in one statement for the parties a
 * {@link Reach} reaches, as {@link Reach#reaches} decides it in memory.
 */
final class PartyIndex {

    /** Longer folded names are kept as a prefix and a digest of the whole, so any name fits the index. */
    static final int MAX_NAME_LENGTH = 500;

    /**
     * The columns of longitude a query box of one class asks about one by one, at most: two to five for the report of
     * a site of up to 300 m radius anywhere short of the polar circles (more for larger places, the farther from the
     * equator the more); more are asked as one range of columns. H2 gets a branch of the statement a column, and
     * fewer columns are asked again, so that every such report sends the same statement (planned once, not once per
     * shape); PostgreSQL gets them as one array ({@code lon_cell = ANY(?)}), which it walks as it walks an equality,
     * since each branch costs it a lock and a plan node at every bind (measured: docs/benchmarks.md).
     */
    static final int CELL_LOOKUPS = 5;

    /** A box's conditions after its class and column: its southern edge in a range, then whether it meets the query's. */
    private static final String BOX_WITHIN = " AND south >= ? AND south <= ? AND north >= ? AND west <= ? AND east >= ?";

    private static final List<String> BOX_COLUMNS = List.of("party_id", "size_class", "lon_cell", "south", "north", "west", "east");
    private static final List<String> NAME_COLUMNS = List.of("party_id", "place_level", "folded_name", "finer");
    private static final List<String> PLACE_COLUMNS = List.of("party_id", "place_id", "own", "geometry");

    private PartyIndex() {
    }

    /** The rows of these parties, none of which has rows yet, in one bulk write a table ({@link BulkRows}). */
    static void insert(Connection connection, List<Party> parties) throws SQLException {
        insertBoxes(connection, parties);
        insertNames(connection, parties);
    }

    /** The {@code party_box} rows of these parties, none of which has any yet. */
    static void insertBoxes(Connection connection, List<Party> parties) throws SQLException {
        List<Object[]> boxes = new ArrayList<>(parties.size());
        for (Party party : parties) {
            for (Box box : Footprint.boxesOf(party.place())) {
                boxes.add(new Object[] {party.id(), box.sizeClass(), cell(box.sizeClass(), box.west()), box.south(),
                        box.north(), box.west(), box.east()});
            }
        }
        BulkRows.of(connection, boxes.size()).insert("party_box", BOX_COLUMNS, boxes);
    }

    /** The {@code party_name} rows of these parties, none of which has any yet. */
    static void insertNames(Connection connection, List<Party> parties) throws SQLException {
        List<Object[]> names = new ArrayList<>(parties.size() * 4);
        for (Party party : parties) {
            for (PathName name : Footprint.names(party.place())) {
                names.add(new Object[] {party.id(), name.level().key(), key(name.name()), name.finer()});
            }
        }
        BulkRows.of(connection, names.size()).insert("party_name", NAME_COLUMNS, names);
    }

    /**
     * The column of longitude of a box of {@code sizeClass} whose western edge is {@code west}: the columns are
     * {@code SIZE_CLASSES[sizeClass]} degrees wide from −180°. A box of the class is no wider than its column, so one
     * meeting a query box lies in a column between that of the query's west less the class's width and that of its
     * east; the same function places the rows and asks for them, so the two agree to the last bit.
     */
    static int cell(int sizeClass, double west) {
        return (int) Math.floor((west + 180) / Footprint.SIZE_CLASSES[sizeClass]);
    }

    /**
     * The rows of {@code party_place} of these parties, none of which has rows yet: where the gazetteer puts each
     * ({@link GazetteerPath}), its own entry ({@code own} 1) and every entry containing it ({@code own} 0), and
     * whether it carries geometry ({@code geometry} 1: a report with geometry compares it by geometry alone).
     */
    static void insertPlaced(Connection connection, List<Party> parties, Gazetteer gazetteer) throws SQLException {
        List<Object[]> rows = new ArrayList<>(parties.size() * 3);
        for (Party party : parties) {
            GazetteerPath path = GazetteerPath.ofParty(party.place(), gazetteer);
            if (path.entry().isEmpty()) {
                continue;
            }
            List<String> ids = new ArrayList<>(List.of(path.entry().get()));
            ids.addAll(path.within());
            for (int i = 0; i < ids.size(); i++) {
                rows.add(new Object[] {party.id(), ids.get(i), i == 0 ? 1 : 0, path.geometry() ? 1 : 0});
            }
        }
        BulkRows.of(connection, rows.size()).insert("party_place", PLACE_COLUMNS, rows);
    }

    /** Removes the {@code party_place} rows of these parties (before they are written anew). */
    static void deletePlaced(Connection connection, List<String> partyIds) throws SQLException {
        IndexRows.delete(connection, "party_place", "party_id", partyIds);
    }

    /** Removes the rows of these parties (before they are written anew). */
    static void delete(Connection connection, List<String> partyIds) throws SQLException {
        IndexRows.delete(connection, "party_box", "party_id", partyIds);
        IndexRows.delete(connection, "party_name", "party_id", partyIds);
    }

    /** A statement and its parameters. */
    record Query(String sql, List<Object> params) {
    }

    /**
     * The ids of the parties {@code reach} reaches, as one statement: a UNION of, for each box and size class, one
     * index range of southern edges per column of longitude it can meet (on H2 a branch each, {@link #CELL_LOOKUPS} of
     * them; on PostgreSQL one branch with the columns as an array; for a wider place one range of columns), and one
     * index lookup per name. Empty when the reach asks nothing (a place without geometry
     * and names cannot be, but the statement must still be valid).
     */
    static Query candidates(Reach reach, DatabaseKind database) {
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Box box : reach.boxes()) {
            double size = Footprint.SIZE_CLASSES[box.sizeClass()];
            int first = cell(box.sizeClass(), Math.max(-180, box.west() - size));
            int last = cell(box.sizeClass(), box.east());
            List<Object> within = List.of(box.south() - size, box.north(), box.south(), box.east(), box.west());
            if (last - first < CELL_LOOKUPS && database == DatabaseKind.POSTGRESQL) {
                branches.add("SELECT party_id FROM party_box WHERE size_class = ? AND lon_cell = ANY(?)" + BOX_WITHIN);
                params.add(box.sizeClass());
                params.add(IntStream.rangeClosed(first, last).boxed().toArray(Integer[]::new));
                params.addAll(within);
            } else if (last - first < CELL_LOOKUPS) {
                for (int i = 0; i < CELL_LOOKUPS; i++) {
                    branches.add("SELECT party_id FROM party_box WHERE size_class = ? AND lon_cell = ?" + BOX_WITHIN);
                    params.add(box.sizeClass());
                    params.add(Math.min(first + i, last));
                    params.addAll(within);
                }
            } else {
                branches.add("SELECT party_id FROM party_box WHERE size_class = ? AND lon_cell >= ? AND lon_cell <= ?"
                        + BOX_WITHIN);
                params.add(box.sizeClass());
                params.add(first);
                params.add(last);
                params.addAll(within);
            }
        }
        for (Reach.NameKey name : reach.names()) {
            // one equality lookup per allowed finer mask: an IN list on the index's last column would have H2 scan
            // every party of the name (every party in a country) and filter
            for (int finer : name.finer()) {
                branches.add("SELECT party_id FROM party_name WHERE folded_name = ? AND place_level = ? AND finer = ?");
                params.add(key(name.name()));
                params.add(name.level().key());
                params.add(finer);
            }
        }
        // through the gazetteer: parties placed at the report's entry or within it, and those whose own entry contains it
        // (only those without geometry when the report has it: geometry alone compares two places that both carry it)
        String geometry = reach.placed().geometry() ? " AND geometry = 0" : "";
        reach.placed().entry().ifPresent(entry -> {
            if (reach.placed().geometry()) {
                // one equality per value of own, so that both databases seek (place_id, own, geometry) instead of
                // reading every party placed within the entry (every party in a country) to drop those with geometry
                for (int own = 0; own <= 1; own++) {
                    branches.add("SELECT party_id FROM party_place WHERE place_id = ? AND own = " + own + geometry);
                    params.add(entry);
                }
            } else {
                branches.add("SELECT party_id FROM party_place WHERE place_id = ?");
                params.add(entry);
            }
            for (String within : reach.placed().within()) {
                branches.add("SELECT party_id FROM party_place WHERE place_id = ? AND own = 1" + geometry);
                params.add(within);
            }
        });
        if (branches.isEmpty()) {
            return new Query("SELECT party_id FROM party_name WHERE 1 = 0", List.of());
        }
        return new Query(String.join(" UNION ", branches), params);
    }

    /** The footprint with its names as the indexes keep them ({@link #key}), to be compared with the index's rows. */
    static Footprint keyed(Footprint footprint) {
        return new Footprint(footprint.boxes(), footprint.names().stream()
                .map(name -> new PathName(name.level(), key(name.name()), name.finer())).toList(), footprint.placed());
    }

    /** A folded name as the index keeps it: itself, or when longer than {@link #MAX_NAME_LENGTH} a prefix and a digest. */
    static String key(String folded) {
        if (folded.length() <= MAX_NAME_LENGTH) {
            return folded;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8));
            return folded.substring(0, MAX_NAME_LENGTH - 65) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
