package io.forewarn.store;

import io.forewarn.gazetteer.Admin1Division;
import io.forewarn.gazetteer.Candidate;
import io.forewarn.gazetteer.GeoName;
import io.forewarn.gazetteer.Hierarchy;
import io.forewarn.gazetteer.PlaceNames;
import io.forewarn.gazetteer.Region;
import io.forewarn.gazetteer.TownZones;
import io.forewarn.place.PlaceLevel;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.OptionalInt;

/**
 * The gazetteer's names in the database ({@code db/migration/V20__gazetteer.sql}): a name is one indexed read of
 * {@code gazetteer_name}, with the towns' rows joined. The small tables (divisions, regions) are read once, on
 * first use, so a server sees a later import after a restart.
 */
public final class JdbcPlaceNames implements PlaceNames, TownZones {

    private final JdbcClient jdbc;
    private volatile Loaded loaded;

    private record Loaded(Hierarchy hierarchy, Map<String, Candidate> regions, Map<String, Region> regionsById) {
    }

    public JdbcPlaceNames(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<Candidate> named(PlaceLevel level, String key) {
        Loaded small = loaded();
        return switch (level) {
            case COUNTRY -> small.hierarchy().countries(key);
            case REGION -> jdbc.sql("SELECT entry_id FROM gazetteer_name WHERE place_level = 'REGION' AND name_key = :key")
                    .param("key", key).query(String.class).list().stream()
                    .map(small.regions()::get).filter(Objects::nonNull).toList();
            case LOCALITY -> jdbc.sql("SELECT n.own, g.* FROM gazetteer_name n JOIN geoname g ON g.geonameid = n.geonameid "
                            + "WHERE n.place_level = 'LOCALITY' AND n.name_key = :key")
                    .param("key", key)
                    .query((rs, row) -> {
                        GeoName place = geoName(rs);
                        return new Candidate(small.hierarchy().town(place), rs.getBoolean("own"), place.population());
                    }).list();
            case SITE -> List.of();
        };
    }

    /** The distinct zones of the towns within a country, a division ({@code admin1:CC.CODE}) or a region. */
    @Override
    public Set<ZoneId> zonesWithin(String entryId) {
        List<String> zones;
        if (entryId.startsWith("country:")) {
            zones = jdbc.sql("SELECT DISTINCT timezone FROM geoname WHERE country_code = :cc")
                    .param("cc", entryId.substring("country:".length())).query(String.class).list();
        } else if (entryId.startsWith("admin1:")) {
            String key = entryId.substring("admin1:".length());
            zones = jdbc.sql("SELECT DISTINCT timezone FROM geoname WHERE country_code = :cc AND admin1_code = :a1")
                    .param("cc", key.substring(0, 2)).param("a1", key.substring(3)).query(String.class).list();
        } else {
            zones = new ArrayList<>();
            Region region = loaded().regionsById().get(entryId);
            if (region != null) {
                for (String key : region.admin1Keys()) {
                    zones.addAll(zonesWithin(Hierarchy.admin1Id(key)).stream().map(ZoneId::getId).toList());
                }
            }
        }
        Set<ZoneId> known = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        for (String zone : zones) {
            try {
                if (!zone.isEmpty()) {
                    known.add(ZoneId.of(zone));
                }
            } catch (DateTimeException unknownToThisJdk) {
                // a zone newer than the JDK's data is not guessed
            }
        }
        return known;
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            List<Admin1Division> divisions = jdbc.sql("SELECT code, name, asciiname, geonameid FROM admin1_code")
                    .query((rs, row) -> new Admin1Division(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                    .list();
            List<Region> regions = jdbc.sql("SELECT country_code, name, admin1_codes, source FROM gazetteer_region")
                    .query((rs, row) -> new Region(rs.getString(1), rs.getString(2),
                            Arrays.asList(rs.getString(3).split(",")), rs.getString(4)))
                    .list();
            Hierarchy hierarchy = new Hierarchy(divisions, regions);
            Map<String, Candidate> byId = new HashMap<>();
            Map<String, Region> regionsById = new HashMap<>();
            for (Region region : regions) {
                byId.put(Hierarchy.regionId(region), new Candidate(Hierarchy.region(region), true, 0));
                regionsById.put(Hierarchy.regionId(region), region);
            }
            for (Admin1Division division : divisions) {
                byId.put(Hierarchy.admin1Id(division.key()), new Candidate(hierarchy.division(division), true, 0));
            }
            current = new Loaded(hierarchy, byId, regionsById);
            loaded = current;
        }
        return current;
    }

    static GeoName geoName(ResultSet rs) throws SQLException {
        int elevation = rs.getInt("elevation");
        OptionalInt elevationValue = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(elevation);
        Date modified = rs.getDate("modification_date");
        return new GeoName(rs.getLong("geonameid"), rs.getString("name"), rs.getString("asciiname"),
                split(rs.getString("alternatenames")), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getString("feature_class"), rs.getString("feature_code"), rs.getString("country_code"),
                split(rs.getString("cc2")), rs.getString("admin1_code"), rs.getString("admin2_code"),
                rs.getString("admin3_code"), rs.getString("admin4_code"), rs.getLong("population"), elevationValue,
                rs.getInt("dem"), rs.getString("timezone"), Optional.ofNullable(modified).map(Date::toLocalDate));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }
}
