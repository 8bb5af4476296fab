package io.forewarn.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places compared through the gazetteer, where their names alone did not say yes. Each place is placed at the
 * most specific level the gazetteer knows (a venue's site is not in it, so the venue is placed by its
 * locality); one place contains another when the other's entry is it or lies within it (a town within its
 * first-order division, the division within the regions it belongs to and its country).
 *
 * <p>A place placed only more coarsely than it is stated (a locality the gazetteer does not have, in a country
 * it does) is somewhere within that coarser entry: that is enough to say it lies within something containing
 * the entry, never enough to say it lies outside anything. What cannot be said is unknown, naming the names
 * the gazetteer could not place; it is never taken for "apart".
 */
final class GazetteerOverlap {

    /** A place as the gazetteer placed it: its entry, and the stated names finer than the entry it could not place. */
    private record Placed(Place place, Optional<GazetteerEntry> entry, List<String> unplaced) {

        static Placed of(Place place, Gazetteer gazetteer) {
            Optional<GazetteerEntry> entry = gazetteer.locateFinest(place, PlaceLevel.SITE);
            List<String> unplaced = new ArrayList<>();
            place.levels().forEach((level, named) -> {
                // A site is never in the gazetteer, and lies within the locality the same place names.
                boolean finer = entry.map(e -> level.compareTo(e.level()) < 0).orElse(true);
                if (finer && (level != PlaceLevel.SITE || entry.isEmpty())) {
                    unplaced.add(named.name());
                }
            });
            return new Placed(place, entry, unplaced);
        }

        /** Whether the place is all of its entry (or a site within it), so not lying within something means apart. */
        boolean exact() {
            return entry.isPresent() && unplaced.isEmpty();
        }

        String describe() {
            return entry.map(GazetteerEntry::describe).orElse("'" + place + "'");
        }
    }

    private GazetteerOverlap() {
    }

    /**
     * Whether the places meet. Entries neither of which lies within the other are apart (towns are points, and
     * divisions, regions and countries do not overlap), and so are the places within them; when one entry lies
     * within the other, the places meet if the containing place is all of its entry.
     */
    static Overlap meets(Place report, Place other, Gazetteer gazetteer) {
        Placed ours = Placed.of(report, gazetteer);
        Placed theirs = Placed.of(other, gazetteer);
        if (ours.entry().isPresent() && theirs.entry().isPresent()) {
            GazetteerEntry r = ours.entry().get();
            GazetteerEntry o = theirs.entry().get();
            if (o.liesWithin(r) && ours.exact()) {
                return Overlap.byGazetteer(true, o.describe() + " lies within " + r.describe());
            }
            if (r.liesWithin(o) && theirs.exact()) {
                return Overlap.byGazetteer(true, r.describe() + " lies within " + o.describe());
            }
            if (!o.liesWithin(r) && !r.liesWithin(o)) {
                return Overlap.byGazetteer(false, o.describe() + " lies apart from " + r.describe());
            }
        }
        return unknown(List.of(ours, theirs), "whether they meet");
    }

    /** Whether {@code inner} lies within {@code outer}'s most specific level. */
    static Overlap contains(Place outer, Place inner, Gazetteer gazetteer) {
        PlaceLevel level = outer.mostSpecificLevel().orElseThrow(); // PlaceOverlap refuses empty places
        Optional<GazetteerEntry> container = gazetteer.locate(outer, level);
        Placed contained = Placed.of(inner, gazetteer);
        if (container.isPresent() && contained.entry().isPresent()) {
            GazetteerEntry o = container.get();
            GazetteerEntry i = contained.entry().get();
            if (i.liesWithin(o)) {
                return Overlap.byGazetteer(true, i.describe() + " lies within " + o.describe());
            }
            if (!o.liesWithin(i)) {
                return Overlap.byGazetteer(false, i.describe() + " lies outside " + o.describe());
            }
            if (contained.exact()) {
                return Overlap.byGazetteer(false, i.describe() + " is wider than " + o.describe());
            }
        }
        Placed outerPlaced = new Placed(outer.coarsenedTo(level), container,
                container.isPresent() ? List.of() : List.of(outer.at(level).orElseThrow().name()));
        return unknown(List.of(outerPlaced, contained), "whether one lies within the other");
    }

    private static Overlap unknown(List<Placed> places, String question) {
        List<String> names = new ArrayList<>();
        for (Placed placed : places) {
            for (String name : placed.unplaced()) {
                names.add("'" + name + "'");
            }
        }
        return Overlap.unknown("cannot place " + String.join(" or ", names) + ", so " + question + " is unknown");
    }
}
