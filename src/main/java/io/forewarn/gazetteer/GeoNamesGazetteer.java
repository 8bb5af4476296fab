package io.forewarn.gazetteer;

import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.LatLon;
import io.forewarn.place.Names;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gazetteer of GeoNames rows held in memory: populated places ({@code cities1000.txt}) at the locality
 * level, first-order divisions ({@code admin1CodesASCII.txt}) and Forewarn's regions at the region level, and
 * the countries of ISO 3166 (by code and English name, from the JDK) at the country level. Sites are not in
 * these files, so a site is placed by the coarser names its place states.
 *
 * <p><b>Names</b> are compared as {@link Names#normalise} compares them, against a row's name, its ASCII name
 * and, for towns, its alternate names ("Moskva"). <b>Which one</b>, when several share a name: those within the
 * country the place states (when it states one the gazetteer knows), then within the region it states (when
 * that leaves any: a file may well call Moscow a part of Moscow Oblast, which administratively it is not),
 * then a match of the name itself before an alternate name, then the largest population, then the lowest id.
 */
public final class GeoNamesGazetteer implements Gazetteer {

    private record Candidate(GazetteerEntry entry, boolean byOwnName, long population) {
    }

    private static final Comparator<Candidate> PREFERRED = Comparator.comparing((Candidate c) -> !c.byOwnName())
            .thenComparing(Comparator.comparingLong(Candidate::population).reversed())
            .thenComparing(c -> c.entry().id());

    private final Map<PlaceLevel, Map<String, List<Candidate>>> byName = new EnumMap<>(PlaceLevel.class);
    private final int towns;
    private final int divisions;
    private final int regions;

    private GeoNamesGazetteer(List<GeoName> places, List<Admin1Division> admin1, List<Region> regionList) {
        for (PlaceLevel level : PlaceLevel.values()) {
            byName.put(level, new HashMap<>());
        }
        Map<String, List<String>> regionsOfDivision = new HashMap<>();
        for (Region region : regionList) {
            String id = regionId(region);
            for (String key : region.admin1Keys()) {
                regionsOfDivision.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
            index(PlaceLevel.REGION, new GazetteerEntry(id, PlaceLevel.REGION, region.name(), List.of(countryId(region.countryCode())),
                    List.of(region.name(), region.countryCode()), Optional.empty(), Optional.empty()), 0, region.name());
        }
        Map<String, Admin1Division> divisionsByKey = new HashMap<>();
        for (Admin1Division division : admin1) {
            divisionsByKey.put(division.key(), division);
            List<String> within = new ArrayList<>(regionsOfDivision.getOrDefault(division.key(), List.of()));
            within.add(countryId(division.countryCode()));
            index(PlaceLevel.REGION, new GazetteerEntry(admin1Id(division.key()), PlaceLevel.REGION, division.name(), within,
                    List.of(division.name(), division.countryCode()), Optional.empty(), Optional.empty()), 0,
                    division.name(), division.asciiName());
        }
        for (String code : Locale.getISOCountries()) {
            String english = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            index(PlaceLevel.COUNTRY, new GazetteerEntry(countryId(code), PlaceLevel.COUNTRY, english, List.of(),
                    List.of(code), Optional.empty(), Optional.empty()), 0, code, english);
        }
        for (GeoName place : places) {
            List<String> within = new ArrayList<>();
            List<String> path = new ArrayList<>(List.of(place.name()));
            place.admin1Key().ifPresent(key -> {
                within.add(admin1Id(key));
                within.addAll(regionsOfDivision.getOrDefault(key, List.of()));
                Optional.ofNullable(divisionsByKey.get(key)).ifPresent(division -> path.add(division.name()));
            });
            if (!place.countryCode().isEmpty()) {
                within.add(countryId(place.countryCode()));
                path.add(place.countryCode());
            }
            GazetteerEntry entry = new GazetteerEntry("geonames:" + place.geonameId(), PlaceLevel.LOCALITY, place.name(),
                    within, path, Optional.of(new LatLon(place.latitude(), place.longitude())), zone(place.timezone()));
            index(PlaceLevel.LOCALITY, entry, place.population(), place.name(), place.asciiName());
            for (String alternate : place.alternateNames()) {
                add(PlaceLevel.LOCALITY, alternate, new Candidate(entry, false, place.population()));
            }
        }
        this.towns = places.size();
        this.divisions = admin1.size();
        this.regions = regionList.size();
    }

    public static GeoNamesGazetteer of(List<GeoName> places, List<Admin1Division> admin1, List<Region> regions) {
        return new GeoNamesGazetteer(places, admin1, regions);
    }

    @Override
    public Optional<GazetteerEntry> locate(Place place, PlaceLevel level) {
        Optional<String> name = place.at(level).map(named -> Names.normalise(named.name()));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = byName.get(level).getOrDefault(name.get(), List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        for (PlaceLevel coarser : PlaceLevel.values()) {
            if (coarser.compareTo(level) <= 0 || place.at(coarser).isEmpty()) {
                continue;
            }
            Optional<GazetteerEntry> context = locate(place, coarser);
            if (context.isEmpty()) {
                continue;
            }
            List<Candidate> inside = candidates.stream().filter(c -> c.entry().liesWithin(context.get())).toList();
            if (coarser == PlaceLevel.COUNTRY || !inside.isEmpty()) {
                candidates = inside;
            }
        }
        return candidates.stream().min(PREFERRED).map(Candidate::entry);
    }

    /** For the summary line of an import and for {@code gazetteer find}: "11 towns, 21 divisions, 1 region". */
    public String summary() {
        return towns + (towns == 1 ? " town, " : " towns, ") + divisions + (divisions == 1 ? " division, " : " divisions, ")
                + regions + (regions == 1 ? " region" : " regions");
    }

    private void index(PlaceLevel level, GazetteerEntry entry, long population, String... names) {
        Set<String> distinct = new LinkedHashSet<>(List.of(names));
        for (String name : distinct) {
            add(level, name, new Candidate(entry, true, population));
        }
    }

    private void add(PlaceLevel level, String name, Candidate candidate) {
        if (name.isBlank()) {
            return;
        }
        List<Candidate> list = byName.get(level).computeIfAbsent(Names.normalise(name), k -> new ArrayList<>(1));
        for (Candidate existing : list) {
            if (existing.entry().id().equals(candidate.entry().id())) {
                return; // the same place under a name it already has
            }
        }
        list.add(candidate);
    }

    static String countryId(String code) {
        return "country:" + code;
    }

    static String admin1Id(String key) {
        return "admin1:" + key;
    }

    static String regionId(Region region) {
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
