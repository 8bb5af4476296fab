package io.forewarn.place;

import java.util.Optional;

/**
 * The place names Forewarn knows, with their hierarchy: where a name stated at one level of a place lies, read
 * with the coarser names the same place states (so "Krasnogorsk" in {@code {locality: Krasnogorsk, country: RU}}
 * is the Russian town near Moscow, not the one on Sakhalin). Containment of named places is decided by it
 * ({@link PlaceOverlap}); a name it cannot place leaves containment unknown, never "disjoint".
 */
public interface Gazetteer {

    /** A gazetteer that places nothing: every comparison names cannot settle is unknown. */
    Gazetteer NONE = (place, level) -> Optional.empty();

    /** The entry for the name {@code place} states at {@code level}, or empty when this gazetteer cannot place it. */
    Optional<GazetteerEntry> locate(Place place, PlaceLevel level);

    /**
     * The entry for the most specific level of {@code place} that this gazetteer can place, from {@code finest}
     * outwards: a venue's site is not in the gazetteer, but the locality the same place names is.
     */
    default Optional<GazetteerEntry> locateFinest(Place place, PlaceLevel finest) {
        for (PlaceLevel level : PlaceLevel.values()) {
            if (level.compareTo(finest) >= 0 && place.at(level).isPresent()) {
                Optional<GazetteerEntry> entry = locate(place, level);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }
}
