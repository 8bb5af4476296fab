package io.forewarn.party;

import io.forewarn.place.NamedPlace;
import io.forewarn.place.Names;
import io.forewarn.place.PlaceLevel;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a venue is among the targets a report describes. The target ladder states the same target
 * ever more generally (named → class → category), so the statements are tried from the most
 * specific down, and a statement that does not fit the venue passes to the next one rather than
 * ruling the venue out:
 *
 * <ol>
 *   <li>{@code named}: the venue is the target if its site has that name. Another name does not
 *       exclude it: if the report also states a class or category, other such venues may be hit.
 *   <li>{@code class} ("concert halls"): decides. The venue is a target if one of its kinds is that
 *       class ({@link KindNames}), and not otherwise. A venue whose kinds are not recorded cannot be
 *       ruled out, so it is a target: over-warning one operator is the smaller error.
 *   <li>{@code category} alone ("mass gatherings"): every venue in the place is a target, since a
 *       category names no kind of venue and any gathering at any venue could be hit.
 * </ol>
 */
final class VenueTarget {

    private static final Level NAMED = Facet.TARGET.level("named");
    private static final Level CLASS = Facet.TARGET.level("class");
    private static final Level CATEGORY = Facet.TARGET.level("category");

    private VenueTarget() {
    }

    /** Why the venue is a target, or empty if it is not. */
    static Optional<String> match(Map<Level, String> target, Party.Venue venue) {
        String named = target.get(NAMED);
        if (named != null) {
            Optional<String> site = venue.place().at(PlaceLevel.SITE).map(NamedPlace::name);
            if (site.isPresent() && Names.same(site.get(), named)) {
                return Optional.of("target: named " + named);
            }
        }
        String kind = target.get(CLASS);
        if (kind != null) {
            if (venue.kinds().isEmpty()) {
                return Optional.of("target: class " + kind + " cannot be ruled out, the venue's kinds are not recorded");
            }
            return venue.kinds().stream()
                    .filter(venueKind -> KindNames.same(venueKind, kind))
                    .findFirst()
                    .map(venueKind -> "target: class " + kind + " includes the venue's kind " + venueKind);
        }
        String category = target.get(CATEGORY);
        if (category != null) {
            return Optional.of("target: category " + category + " covers any venue in the place");
        }
        return Optional.empty();
    }
}
