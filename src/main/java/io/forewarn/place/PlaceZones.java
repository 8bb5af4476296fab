package io.forewarn.place;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of a place, where it is known: warnings write the times of a threat in the zone of the
 * threatened place, which people there read on their own clocks, never in the agency's.
 *
 * <p>One method, so that a source that knows more (a gazetteer with a zone per city) can stand in for
 * {@link CountryZones}, which knows only countries with a single zone.
 */
@FunctionalInterface
public interface PlaceZones {

    /** The zone of the place, if known. */
    Optional<ZoneId> zoneOf(Place place);

    /** This source's zone of a place, else the other's: a gazetteer first, the single-zone countries after it. */
    default PlaceZones orElse(PlaceZones other) {
        return place -> zoneOf(place).or(() -> other.zoneOf(place));
    }
}
