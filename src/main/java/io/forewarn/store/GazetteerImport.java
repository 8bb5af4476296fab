package io.forewarn.store;

import io.forewarn.gazetteer.Admin1Division;
import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GeoName;
import io.forewarn.gazetteer.GeoNamesFiles;
import io.forewarn.gazetteer.Hierarchy;
import io.forewarn.gazetteer.Region;
import io.forewarn.yaml.FileProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Loads GeoNames files into the gazetteer tables ({@code db/migration/V20__gazetteer.sql}), replacing what they
 * held, in one transaction: a bad row anywhere (refused by {@link GeoNamesFiles} with its file and line) leaves
 * the gazetteer as it was. Rows go in batches of {@link #BATCH}, each town's row with its names' rows.
 */
public final class GazetteerImport {

    /** Rows per JDBC batch. */
    public static final int BATCH = 1_000;

    /** The longest name the index keeps (its column's width); a longer one is counted, not indexed. */
    public static final int MAX_NAME = 1_000;

    /** A file to read: the name errors give, and its reader. */
    public record Source(String name, BufferedReader reader) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /** What an import put in: towns, divisions, regions, indexed names, and names too long to index. */
    public record Summary(long towns, long divisions, long regions, long names, long namesTooLong) {
        @Override
        public String toString() {
            return count(towns, "town") + ", " + count(divisions, "first-order division") + ", " + count(regions, "region")
                    + ", " + count(names, "name") + " indexed" + (namesTooLong == 0 ? "" : " ("
                    + count(namesTooLong, "name") + " longer than " + MAX_NAME + " characters not indexed)");
        }

        private static String count(long n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    public static final String INSERT_GEONAME = "INSERT INTO geoname (geonameid, name, asciiname, alternatenames, "
            + "latitude, longitude, feature_class, feature_code, country_code, cc2, admin1_code, admin2_code, admin3_code, "
            + "admin4_code, population, elevation, dem, timezone, modification_date) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NAME = "INSERT INTO gazetteer_name (place_level, name_key, entry_id, geonameid, "
            + "own, population) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public GazetteerImport(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Loads the extract committed with Forewarn ({@link GazetteerExtract}) when the gazetteer holds no town, as a
     * server does at start, so that a new database places the shipped scenarios' places; an imported gazetteer
     * is left alone. Returns what was loaded, or empty when nothing was.
     */
    public Optional<Summary> loadExtractIfEmpty() {
        if (!isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(replace(new Source(GazetteerExtract.ADMIN1, GazetteerExtract.open(GazetteerExtract.ADMIN1)),
                    List.of(new Source(GazetteerExtract.REGIONS, GazetteerExtract.open(GazetteerExtract.REGIONS))),
                    List.of(new Source(GazetteerExtract.CITIES, GazetteerExtract.open(GazetteerExtract.CITIES))), done -> { }));
        } catch (RuntimeException raced) {
            if (isEmpty()) {
                throw raced;
            }
            return Optional.empty(); // another node sharing the database loaded it at the same time
        }
    }

    /** Whether the gazetteer holds no town. */
    public boolean isEmpty() {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM geoname").query(Long.class).single() == 0;
    }

    /**
     * Replaces the gazetteer with these files: the first-order divisions, Forewarn's regions (none is fine), and
     * one or more files of the "geoname" table; {@code progress} is told the towns read so far after each batch.
     */
    public Summary replace(Source admin1File, List<Source> regionFiles, List<Source> geonameFiles, LongConsumer progress) {
        List<Admin1Division> divisions = new ArrayList<>();
        GeoNamesFiles.readAdmin1(admin1File.reader(), admin1File.name(), divisions::add);
        List<Region> regions = new ArrayList<>();
        for (Source file : regionFiles) {
            GeoNamesFiles.readRegions(file.reader(), file.name(), regions::add);
        }
        Hierarchy hierarchy = new Hierarchy(divisions, regions);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Summary summary = write(connection, divisions, regions, geonameFiles, hierarchy, progress);
                connection.commit();
                return summary;
            } catch (RuntimeException | SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the gazetteer: " + e.getMessage(), e);
        }
    }

    private static Summary write(Connection connection, List<Admin1Division> divisions, List<Region> regions,
                                 List<Source> geonameFiles, Hierarchy hierarchy, LongConsumer progress) throws SQLException {
        try (Statement clear = connection.createStatement()) {
            for (String table : List.of("gazetteer_name", "geoname", "admin1_code", "gazetteer_region")) {
                clear.executeUpdate("DELETE FROM " + table);
            }
            // a new gazetteer: the index of places filed under the old one is re-filed at the next start (PlaceFiling)
            clear.executeUpdate(PlaceFiling.NEW_GAZETTEER);
        }
        NameRows names = new NameRows(connection.prepareStatement(INSERT_NAME));
        try (PreparedStatement admin1 = connection.prepareStatement(
                "INSERT INTO admin1_code (code, name, asciiname, geonameid) VALUES (?, ?, ?, ?)");
             PreparedStatement region = connection.prepareStatement(
                     "INSERT INTO gazetteer_region (country_code, name, admin1_codes, source) VALUES (?, ?, ?, ?)")) {
            for (Admin1Division division : divisions) {
                admin1.setString(1, division.key());
                admin1.setString(2, division.name());
                admin1.setString(3, division.asciiName());
                admin1.setLong(4, division.geonameId());
                admin1.addBatch();
                names.add("REGION", Hierarchy.ownNames(division), Hierarchy.admin1Id(division.key()), null, true, 0);
            }
            admin1.executeBatch();
            for (Region each : regions) {
                region.setString(1, each.countryCode());
                region.setString(2, each.name());
                region.setString(3, String.join(",", each.admin1Keys()));
                region.setString(4, each.source());
                region.addBatch();
                names.add("REGION", Hierarchy.keys(List.of(each.name())), Hierarchy.regionId(each), null, true, 0);
            }
            region.executeBatch();
        }
        long towns = 0;
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_GEONAME)) {
            for (Source file : geonameFiles) {
                long[] line = {0};
                towns += GeoNamesFiles.readGeoNames(file.reader(), file.name(), place -> {
                    line[0]++;
                    if (!seen.add(place.geonameId())) {
                        throw FileProblem.ofWholeFile(file.name(), "row " + line[0] + ": geonameid " + place.geonameId()
                                + " is in the gazetteer twice (in this file or an earlier one)", null);
                    }
                    try {
                        bind(insert, place);
                        insert.addBatch();
                        String id = Hierarchy.townId(place.geonameId());
                        names.add("LOCALITY", Hierarchy.ownNames(place), id, place.geonameId(), true, place.population());
                        names.add("LOCALITY", Hierarchy.alternateNames(place), id, place.geonameId(), false, place.population());
                        if (seen.size() % BATCH == 0) {
                            insert.executeBatch();
                            names.flush();
                            progress.accept(seen.size());
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot write the gazetteer at " + file.name() + " row "
                                + line[0] + ": " + e.getMessage(), e);
                    }
                });
            }
            insert.executeBatch();
        }
        names.flush();
        names.close();
        progress.accept(seen.size());
        return new Summary(towns, divisions.size(), regions.size(), names.written, names.tooLong);
    }

    /** Binds one row to {@code INSERT INTO geoname} with its 19 columns in order, as the import does (and its benchmark's baseline). */
    public static void bind(PreparedStatement insert, GeoName place) throws SQLException {
        insert.setLong(1, place.geonameId());
        insert.setString(2, place.name());
        insert.setString(3, place.asciiName());
        insert.setString(4, String.join(",", place.alternateNames()));
        insert.setDouble(5, place.latitude());
        insert.setDouble(6, place.longitude());
        insert.setString(7, place.featureClass());
        insert.setString(8, place.featureCode());
        insert.setString(9, place.countryCode());
        insert.setString(10, String.join(",", place.cc2()));
        insert.setString(11, place.admin1());
        insert.setString(12, place.admin2());
        insert.setString(13, place.admin3());
        insert.setString(14, place.admin4());
        insert.setLong(15, place.population());
        if (place.elevation().isPresent()) {
            insert.setInt(16, place.elevation().getAsInt());
        } else {
            insert.setNull(16, Types.INTEGER);
        }
        insert.setInt(17, place.dem());
        insert.setString(18, place.timezone());
        insert.setDate(19, place.modified().map(Date::valueOf).orElse(null));
    }

    /** The name rows, batched beside the rows they name. */
    private static final class NameRows {
        private final PreparedStatement insert;
        private int pending;
        long written;
        long tooLong;

        NameRows(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(String level, Set<String> keys, String entryId, Long geonameId, boolean own, long population) throws SQLException {
            for (String key : keys) {
                if (key.length() > MAX_NAME) {
                    tooLong++;
                    continue;
                }
                insert.setString(1, level);
                insert.setString(2, key);
                insert.setString(3, entryId);
                if (geonameId == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, geonameId);
                }
                insert.setBoolean(5, own);
                insert.setLong(6, population);
                insert.addBatch();
                written++;
                if (++pending >= BATCH * 4) {
                    flush();
                }
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        void close() throws SQLException {
            insert.close();
        }
    }
}
