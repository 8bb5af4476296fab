package io.forewarn.place;

import java.util.Optional;

/** Places compared by the names they state at each level of the hierarchy, normalised by {@link Names}. */
final class NamedOverlap {

    private NamedOverlap() {
    }

    /**
     * Whether the places are named the same at the most specific level both of them name. Coarser
     * levels are not compared: the finest common name is the most telling one.
     */
    static Overlap meets(Place report, Place other) {
        for (PlaceLevel level : PlaceLevel.values()) {
            Optional<NamedPlace> ours = report.at(level);
            Optional<NamedPlace> theirs = other.at(level);
            if (ours.isPresent() && theirs.isPresent()) {
                String ourName = ours.get().name();
                String theirName = theirs.get().name();
                return Names.same(ourName, theirName)
                        ? Overlap.byNames(true, "same " + level.key() + " " + ourName)
                        : Overlap.byNames(false, level.key() + " " + theirName + " is not " + ourName);
            }
        }
        return Overlap.byNames(false, "no level is named in both " + report + " (" + levels(report) + ") and "
                + other + " (" + levels(other) + ")");
    }

    /** Whether {@code inner} names {@code outer}'s most specific level the same, i.e. lies within it. */
    static Overlap contains(Place outer, Place inner) {
        PlaceLevel level = outer.mostSpecificLevel().orElseThrow(); // PlaceOverlap refuses empty places
        String outerName = outer.at(level).orElseThrow().name();
        Optional<NamedPlace> innerNamed = inner.at(level);
        if (innerNamed.isEmpty()) {
            return Overlap.byNames(false, inner + " names no " + level.key() + ", so it cannot be placed within "
                    + level.key() + " " + outerName);
        }
        String innerName = innerNamed.get().name();
        return Names.same(outerName, innerName)
                ? Overlap.byNames(true, inner + " lies in " + level.key() + " " + outerName)
                : Overlap.byNames(false, inner + " lies in " + level.key() + " " + innerName + ", not " + outerName);
    }

    private static String levels(Place place) {
        return String.join(", ", place.levels().keySet().stream().map(PlaceLevel::key).toList());
    }
}
