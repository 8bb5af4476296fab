package io.forewarn.gazetteer;

import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.LatLon;
import io.forewarn.place.Names;
import io.forewarn.place.PlaceLevel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How GeoNames rows become gazetteer entries: a town lies within its first-order division, the regions that
 * division belongs to, and its country; a division within its regions and country; a region within its
 * country. It holds the small files (divisions and regions) so that a town's entry can be made from its row
 * alone, whether the row comes from a file or from the database. Countries are those of ISO 3166, by code
 * and English name, from the JDK.
 */
public final class Hierarchy {

    private final Map<String, Admin1Division> divisions = new HashMap<>();
    private final Map<String, List<String>> regionsOfDivision = new HashMap<>();
    private final Map<String, List<Candidate>> countries = new HashMap<>();

    public Hierarchy(List<Admin1Division> admin1, List<Region> regions) {
        admin1.forEach(division -> divisions.put(division.key(), division));
        for (Region region : regions) {
            for (String key : region.admin1Keys()) {
                regionsOfDivision.computeIfAbsent(key, k -> new ArrayList<>()).add(regionId(region));
            }
        }
        for (String code : Locale.getISOCountries()) {
            String english = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            GazetteerEntry entry = new GazetteerEntry(countryId(code), PlaceLevel.COUNTRY, english, List.of(),
                    List.of(code), Optional.empty(), Optional.empty());
            for (String name : new LinkedHashSet<>(List.of(code, english))) {
                countries.computeIfAbsent(Names.normalise(name), k -> new ArrayList<>()).add(new Candidate(entry, true, 0));
            }
        }
    }

    /** The countries a name may mean: by ISO code ("RU") or English name ("Russia"). */
    public List<Candidate> countries(String key) {
        return countries.getOrDefault(key, List.of());
    }

    public GazetteerEntry town(GeoName place) {
        List<String> within = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(place.name()));
        place.admin1Key().ifPresent(key -> {
            within.add(admin1Id(key));
            within.addAll(regionsOfDivision.getOrDefault(key, List.of()));
            Optional.ofNullable(divisions.get(key)).ifPresent(division -> path.add(division.name()));
        });
        if (!place.countryCode().isEmpty()) {
            within.add(countryId(place.countryCode()));
            path.add(place.countryCode());
        }
        return new GazetteerEntry(townId(place.geonameId()), PlaceLevel.LOCALITY, place.name(), within, path,
                Optional.of(new LatLon(place.latitude(), place.longitude())), zone(place.timezone()));
    }

    public GazetteerEntry division(Admin1Division division) {
        List<String> within = new ArrayList<>(regionsOfDivision.getOrDefault(division.key(), List.of()));
        within.add(countryId(division.countryCode()));
        return new GazetteerEntry(admin1Id(division.key()), PlaceLevel.REGION, division.name(), within,
                List.of(division.name(), division.countryCode()), Optional.empty(), Optional.empty());
    }

    public static GazetteerEntry region(Region region) {
        return new GazetteerEntry(regionId(region), PlaceLevel.REGION, region.name(), List.of(countryId(region.countryCode())),
                List.of(region.name(), region.countryCode()), Optional.empty(), Optional.empty());
    }

    /** A town's own names, folded for the index: its name and ASCII name. */
    public static Set<String> ownNames(GeoName place) {
        return keys(List.of(place.name(), place.asciiName()));
    }

    /** A town's alternate names, folded, less its own. */
    public static Set<String> alternateNames(GeoName place) {
        Set<String> keys = keys(place.alternateNames());
        keys.removeAll(ownNames(place));
        return keys;
    }

    public static Set<String> ownNames(Admin1Division division) {
        return keys(List.of(division.name(), division.asciiName()));
    }

    /** The names as the index keeps them: folded by {@link Names#normalise}, blank ones left out, each once. */
    public static Set<String> keys(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            String key = Names.normalise(name);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    public static String townId(long geonameId) {
        return "geonames:" + geonameId;
    }

    public static String countryId(String code) {
        return "country:" + code;
    }

    public static String admin1Id(String key) {
        return "admin1:" + key;
    }

    public static String regionId(Region region) {
        return "region:" + region.countryCode() + ":" + Names.normalise(region.name());
    }

    /** GeoNames' zone id, if this JDK knows it (a zone newer than the JDK's time-zone data is not guessed). */
    static Optional<ZoneId> zone(String timezone) {
        if (timezone.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timezone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
