package io.forewarn.gazetteer;

import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.PlaceZones;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The time zone of a place from the gazetteer: a town's own zone, as GeoNames records it ({@code Krasnogorsk}:
 * Europe/Moscow); for a division, region or country, the zone of the towns the gazetteer holds within it when
 * they all share one (Moscow Oblast, the Marmara Region, Türkiye), and no answer when they do not (Russia): the
 * name alone cannot choose, and the caller falls back to another source. A place the gazetteer cannot place
 * has no answer either.
 */
public final class GazetteerZones implements PlaceZones {

    private final Gazetteer gazetteer;
    private final TownZones towns;

    public GazetteerZones(Gazetteer gazetteer, TownZones towns) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.towns = Objects.requireNonNull(towns, "towns");
    }

    /** The zones of the committed extract. */
    public static GazetteerZones ofExtract() {
        return new GazetteerZones(GazetteerExtract.gazetteer(), GazetteerExtract.townZones());
    }

    @Override
    public Optional<ZoneId> zoneOf(Place place) {
        Optional<GazetteerEntry> entry = gazetteer.locateFinest(place, PlaceLevel.SITE);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().zone().isPresent()) {
            return entry.get().zone();
        }
        Set<ZoneId> zones = towns.zonesWithin(entry.get().id());
        return zones.size() == 1 ? Optional.of(zones.iterator().next()) : Optional.empty();
    }
}
