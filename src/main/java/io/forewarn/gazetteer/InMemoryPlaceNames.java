package io.forewarn.gazetteer;

import io.forewarn.place.PlaceLevel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.time.ZoneId;

/** The gazetteer's names held in memory: for the committed extract, and for tests. */
public final class InMemoryPlaceNames implements PlaceNames, TownZones {

    private final Hierarchy hierarchy;
    private final Map<PlaceLevel, Map<String, List<Candidate>>> byName = new EnumMap<>(PlaceLevel.class);
    private final Map<String, Set<ZoneId>> zonesWithin = new HashMap<>();

    public InMemoryPlaceNames(List<GeoName> places, List<Admin1Division> admin1, List<Region> regions) {
        this.hierarchy = new Hierarchy(admin1, regions);
        byName.put(PlaceLevel.LOCALITY, new HashMap<>());
        byName.put(PlaceLevel.REGION, new HashMap<>());
        for (Region region : regions) {
            add(PlaceLevel.REGION, Hierarchy.keys(List.of(region.name())), new Candidate(Hierarchy.region(region), true, 0));
        }
        for (Admin1Division division : admin1) {
            add(PlaceLevel.REGION, Hierarchy.ownNames(division), new Candidate(hierarchy.division(division), true, 0));
        }
        for (GeoName place : places) {
            var entry = hierarchy.town(place);
            add(PlaceLevel.LOCALITY, Hierarchy.ownNames(place), new Candidate(entry, true, place.population()));
            add(PlaceLevel.LOCALITY, Hierarchy.alternateNames(place), new Candidate(entry, false, place.population()));
            entry.zone().ifPresent(zone -> entry.within().forEach(id -> zonesWithin.computeIfAbsent(id, k -> new TreeSet<>(
                    java.util.Comparator.comparing(ZoneId::getId))).add(zone)));
        }
    }

    @Override
    public List<Candidate> named(PlaceLevel level, String key) {
        if (level == PlaceLevel.COUNTRY) {
            return hierarchy.countries(key);
        }
        return byName.getOrDefault(level, Map.of()).getOrDefault(key, List.of());
    }

    @Override
    public Set<ZoneId> zonesWithin(String entryId) {
        return zonesWithin.getOrDefault(entryId, Set.of());
    }

    private void add(PlaceLevel level, Iterable<String> keys, Candidate candidate) {
        for (String key : keys) {
            byName.get(level).computeIfAbsent(key, k -> new ArrayList<>(1)).add(candidate);
        }
    }
}
