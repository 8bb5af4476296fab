package io.forewarn.place;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One place of the gazetteer: what it is (an id unique in the gazetteer, e.g. {@code geonames:542374},
 * {@code admin1:RU.47}, {@code country:RU}), its level and name, the places that contain it (their ids,
 * innermost first: its first-order division, the regions that division belongs to, its country), its path of
 * names for people ("Krasnogorsk, Moscow Oblast, RU"), and, where known, its point and time zone.
 */
public record GazetteerEntry(String id, PlaceLevel level, String name, List<String> within, List<String> path,
                             Optional<LatLon> point, Optional<ZoneId> zone) {

    public GazetteerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        within = List.copyOf(within);
        path = List.copyOf(path);
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(zone, "zone");
    }

    /** Whether this place is {@code other} or lies within it. */
    public boolean liesWithin(GazetteerEntry other) {
        return id.equals(other.id) || within.contains(other.id);
    }

    /** For reasons: "Krasnogorsk, Moscow Oblast, RU (geonames:542374)". */
    public String describe() {
        return String.join(", ", path) + " (" + id + ")";
    }
}
