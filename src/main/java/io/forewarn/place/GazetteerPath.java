package io.forewarn.place;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gazetteer puts a place, as an index keeps it: the id of the finest entry it places the place at
 * ({@link Gazetteer#locateFinest}: a venue's site is not in the gazetteer, its locality is) and the ids of every
 * entry containing that one (its first-order division, the regions that division belongs to, its country). A
 * party filed under its path is found by a report at any of them, so a report at "Moscow Oblast" finds a venue
 * recorded only in "Krasnogorsk" without either file naming the other's place.
 *
 * <p>It finds candidates for the exact check ({@link PlaceOverlap} through the gazetteer), never decides: two
 * places may meet only when one's entry is the other's or lies within it ({@link #mayMeet}), which is exactly when
 * {@code GazetteerOverlap} can say yes.
 */
public record GazetteerPath(Optional<String> entry, List<String> within) {

    /** A place the gazetteer does not place, or one compared without a gazetteer. */
    public static final GazetteerPath NONE = new GazetteerPath(Optional.empty(), List.of());

    public GazetteerPath {
        Objects.requireNonNull(entry, "entry");
        within = List.copyOf(within);
    }

    public static GazetteerPath of(Place place, Gazetteer gazetteer) {
        if (place.isEmpty()) {
            return NONE;
        }
        return gazetteer.locateFinest(place, PlaceLevel.SITE)
                .map(found -> new GazetteerPath(Optional.of(found.id()), found.within()))
                .orElse(NONE);
    }

    /** Whether the places of these paths may meet, or one contain the other: one's entry is the other's or within it. */
    public boolean mayMeet(GazetteerPath other) {
        if (entry.isEmpty() || other.entry.isEmpty()) {
            return false;
        }
        return entry.equals(other.entry) || other.within.contains(entry.get()) || within.contains(other.entry.get());
    }
}
