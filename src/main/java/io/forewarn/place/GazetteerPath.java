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
public record GazetteerPath(Optional<String> entry, List<String> within, boolean geometry) {

    /** A place the gazetteer does not place, or one compared without a gazetteer. */
    public static final GazetteerPath NONE = new GazetteerPath(Optional.empty(), List.of(), false);

    public GazetteerPath {
        Objects.requireNonNull(entry, "entry");
        within = List.copyOf(within);
    }

    /**
     * Where the gazetteer puts a report's place; {@code geometry} when it carries geometry at its most specific
     * level, so that a party with geometry is compared with it by geometry alone ({@link PlaceOverlap#meets}) and
     * need not be found through the gazetteer: a report at a site in Moscow does not read every party in Moscow.
     */
    public static GazetteerPath ofReport(Place place, Gazetteer gazetteer) {
        return of(place, gazetteer, !place.isEmpty() && StatedArea.atMostSpecificLevel(place).isPresent());
    }

    /** Where the gazetteer puts a party's place; {@code geometry} when it carries geometry at any level. */
    public static GazetteerPath ofParty(Place place, Gazetteer gazetteer) {
        return of(place, gazetteer, !place.isEmpty() && StatedArea.mostSpecific(place).isPresent());
    }

    private static GazetteerPath of(Place place, Gazetteer gazetteer, boolean geometry) {
        if (place.isEmpty()) {
            return NONE;
        }
        return gazetteer.locateFinest(place, PlaceLevel.SITE)
                .map(found -> new GazetteerPath(Optional.of(found.id()), found.within(), geometry))
                .orElse(NONE);
    }

    /**
     * Whether a party of path {@code party} may meet this report's place, or contain it, through the gazetteer: one's
     * entry is the other's or within it, and geometry does not decide (both carry it).
     */
    public boolean mayMeet(GazetteerPath party) {
        if (entry.isEmpty() || party.entry.isEmpty() || geometry && party.geometry) {
            return false;
        }
        return entry.equals(party.entry) || party.within.contains(entry.get()) || within.contains(party.entry.get());
    }
}
