package io.forewarn.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places compared through the gazetteer, where their names alone did not say yes: each is placed at the most
 * specific level it can be, and one contains the other when the other is it or lies within it (a town within
 * its first-order division, the division within the regions it belongs to and its country). A place the
 * gazetteer cannot place leaves the answer unknown: it is neither inside nor outside anything.
 */
final class GazetteerOverlap {

    private GazetteerOverlap() {
    }

    /** Whether the places meet: one of them lies within the other. */
    static Overlap meets(Place report, Place other, Gazetteer gazetteer) {
        Optional<GazetteerEntry> ours = gazetteer.locateFinest(report, PlaceLevel.SITE);
        Optional<GazetteerEntry> theirs = gazetteer.locateFinest(other, PlaceLevel.SITE);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return unplaced(report, ours, other, theirs, "whether they meet");
        }
        GazetteerEntry r = ours.get();
        GazetteerEntry o = theirs.get();
        if (o.liesWithin(r)) {
            return Overlap.byGazetteer(true, o.describe() + " lies within " + r.describe());
        }
        if (r.liesWithin(o)) {
            return Overlap.byGazetteer(true, r.describe() + " lies within " + o.describe());
        }
        return Overlap.byGazetteer(false, o.describe() + " and " + r.describe() + " are apart");
    }

    /** Whether {@code inner} lies within {@code outer}'s most specific level. */
    static Overlap contains(Place outer, Place inner, Gazetteer gazetteer) {
        PlaceLevel level = outer.mostSpecificLevel().orElseThrow(); // PlaceOverlap refuses empty places
        Optional<GazetteerEntry> container = gazetteer.locate(outer, level);
        Optional<GazetteerEntry> contained = gazetteer.locateFinest(inner, PlaceLevel.SITE);
        if (container.isEmpty() || contained.isEmpty()) {
            return unplaced(outer.coarsenedTo(level), container, inner, contained, "whether one lies within the other");
        }
        boolean within = contained.get().liesWithin(container.get());
        return Overlap.byGazetteer(within, contained.get().describe() + (within ? " lies within " : " lies outside ")
                + container.get().describe());
    }

    private static Overlap unplaced(Place first, Optional<GazetteerEntry> firstEntry, Place second,
                                    Optional<GazetteerEntry> secondEntry, String question) {
        List<String> unplaced = new ArrayList<>();
        if (firstEntry.isEmpty()) {
            unplaced.add("'" + first + "'");
        }
        if (secondEntry.isEmpty()) {
            unplaced.add("'" + second + "'");
        }
        return Overlap.unknown("cannot place " + String.join(" or ", unplaced) + ", so " + question + " is unknown");
    }
}
