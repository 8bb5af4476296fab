package io.forewarn.place;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether two places meet, or one contains the other: the one rule every package uses to decide
 * whether a party is where a threat is, or whether an incident happened where a report said.
 *
 * <p>Geometry decides when the place whose extent matters (the report's, or the containing one)
 * carries geometry at its most specific level and the other place carries geometry too. Otherwise
 * names decide. Geometry at a coarser level only is not used for the first place: a report naming
 * a site without coordinates, but a region with a polygon, would otherwise be read as "anywhere in
 * the region". For meeting, the other place's most specific geometry is used at whatever level: it
 * is the best knowledge available and errs towards meeting, the safe side for a warning. For
 * containment it must be at least as specific as the containing place's level (see
 * {@link #contains}). So a report that says "Moscow" with a 40 km circle reaches a venue in
 * Krasnogorsk, outside the city limits, while one that says just "Moscow" does not.
 */
public final class PlaceOverlap {

    private PlaceOverlap() {
    }

    /**
     * Whether {@code other} (a party's place, area or jurisdiction, or an incident's place) meets the
     * report's place at the report's most specific level. By geometry: the areas share any ground,
     * boundaries included. By names: the two places are named the same at the most specific level
     * both name; places that share no named level do not meet.
     */
    public static Overlap meets(Place reportPlace, Place other) {
        requirePlaces(reportPlace, other);
        Optional<StatedArea> reportArea = StatedArea.atMostSpecificLevel(reportPlace);
        Optional<StatedArea> otherArea = StatedArea.mostSpecific(other);
        if (reportArea.isPresent() && otherArea.isPresent()) {
            return GeometricOverlap.meets(reportArea.get(), otherArea.get());
        }
        return NamedOverlap.meets(reportPlace, other);
    }

    /**
     * Whether {@code inner} lies within {@code outer}, e.g. a report's place within an authority's
     * jurisdiction, or an incident within a warning's released place. By geometry, when outer has it
     * at its most specific level and inner at that level or a finer one: all of inner's area (a
     * point if its radius is 0) is covered by outer's, boundary included. By names: inner
     * names outer's most specific level the same, so {locality Moscow} does not contain
     * {site Crocus City Hall, locality Krasnogorsk} and {region Moscow Oblast} does not contain
     * {country RU}.
     */
    public static Overlap contains(Place outer, Place inner) {
        requirePlaces(outer, inner);
        Optional<StatedArea> outerArea = StatedArea.atMostSpecificLevel(outer);
        if (outerArea.isPresent()) {
            // Inner geometry coarser than outer's level (a region's polygon tested against a
            // locality) would say "not within" of a place its names may well put within.
            PlaceLevel outerLevel = outerArea.get().level();
            Optional<StatedArea> innerArea = StatedArea.mostSpecific(inner)
                    .filter(area -> area.level().compareTo(outerLevel) <= 0);
            if (innerArea.isPresent()) {
                return GeometricOverlap.contains(outerArea.get(), innerArea.get());
            }
        }
        return NamedOverlap.contains(outer, inner);
    }

    /**
     * As {@link #meets(Place, Place)}, and where that does not say yes, through the gazetteer: the places meet
     * when one lies within the other there, they do not when both are placed apart, and the answer is unknown
     * when it cannot place one of them. Names that agree only at a level coarser than both places are stated at
     * (a report at "Moscow Oblast, RU" and a party in "Kazan, RU" share only their country) are asked of the
     * gazetteer too, and the places are apart when it places them apart; when it cannot place them, the names'
     * yes stands, the safe side for a warning.
     */
    public static Overlap meets(Place reportPlace, Place other, Gazetteer gazetteer) {
        Overlap written = meets(reportPlace, other);
        if (written.basis() == Overlap.Basis.GEOMETRY) {
            return written;
        }
        if (written.holds()) {
            // names that agree only at a level coarser than both places are stated at ("same country RU" of Moscow
            // Oblast and Kazan) say little: where the gazetteer places them apart, they are apart
            if (agreeOnlyCoarserThanBoth(reportPlace, other)) {
                Overlap placed = GazetteerOverlap.meets(reportPlace, other, gazetteer);
                if (placed.answer() == Overlap.Answer.NO) {
                    return placed;
                }
            }
            return written;
        }
        return GazetteerOverlap.meets(reportPlace, other, gazetteer);
    }

    /** Whether the finest level both places name is coarser than the most specific level of each. */
    private static boolean agreeOnlyCoarserThanBoth(Place first, Place second) {
        for (PlaceLevel level : PlaceLevel.values()) {
            if (first.at(level).isPresent() && second.at(level).isPresent()) {
                return level.compareTo(first.mostSpecificLevel().orElseThrow()) > 0
                        && level.compareTo(second.mostSpecificLevel().orElseThrow()) > 0;
            }
        }
        return false;
    }

    /**
     * As {@link #contains(Place, Place)}, and where that does not say yes, through the gazetteer, so a warning
     * released at "Marmara Region" covers an incident recorded as "Istanbul, TR". A place stated only more
     * coarsely than {@code outer}'s level is wider than it and never within; otherwise, when the gazetteer
     * cannot place one of them, the answer is unknown.
     */
    public static Overlap contains(Place outer, Place inner, Gazetteer gazetteer) {
        Overlap written = contains(outer, inner);
        if (written.holds() || written.basis() == Overlap.Basis.GEOMETRY || widerThan(inner, outer)) {
            return written;
        }
        return GazetteerOverlap.contains(outer, inner, gazetteer);
    }

    /** Whether {@code place} is stated only at levels coarser than {@code other}'s most specific one. */
    private static boolean widerThan(Place place, Place other) {
        return place.mostSpecificLevel().orElseThrow().compareTo(other.mostSpecificLevel().orElseThrow()) > 0;
    }

    private static void requirePlaces(Place first, Place second) {
        Objects.requireNonNull(first, "place");
        Objects.requireNonNull(second, "place");
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("cannot compare an empty place (" + first + " / " + second + ")");
        }
    }
}
