package io.forewarn.party;

import io.forewarn.place.Overlap;
import io.forewarn.place.PlaceOverlap;
import io.forewarn.report.Facet;
import io.forewarn.report.ThreatReport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact check of who a report affects. It is given the candidates of the report's place (the parties
 * the casebook's index of places reaches, {@code Casebook#partiesReached}, a superset of those affected) and
 * checks each in turn, so its cost is that of the candidates, not of every party on file.
 *
 * <p>The rules, by kind of party:
 * <ul>
 *   <li>registrants and the public: their area meets the report's place ({@link PlaceOverlap#meets});
 *   <li>a venue: its place meets the report's place and it is among the report's targets
 *       ({@link VenueTarget});
 *   <li>an authority: its jurisdiction contains the report's place ({@link PlaceOverlap#contains}),
 *       since it answers for the whole of it.
 * </ul>
 * A party's relationship (ally, neutral, adversarial) is never consulted: it does not change whether
 * a party is affected.
 */
public final class AffectedParties {

    private final List<Party> parties;

    public AffectedParties(List<Party> parties) {
        this.parties = List.copyOf(parties);
    }

    /** The parties the report affects, in the order the parties were given, each with its reasons. */
    public List<Affected> resolve(ThreatReport report) {
        Objects.requireNonNull(report, "report");
        return parties.stream()
                .map(party -> assess(report, party))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Affected> assess(ThreatReport report, Party party) {
        if (party instanceof Party.Authority) {
            Overlap jurisdiction = PlaceOverlap.contains(party.place(), report.place());
            return jurisdiction.holds()
                    ? Optional.of(new Affected(party, List.of("jurisdiction: " + jurisdiction.reason())))
                    : Optional.empty();
        }
        Overlap place = PlaceOverlap.meets(report.place(), party.place());
        if (!place.holds()) {
            return Optional.empty();
        }
        String where = "place: " + place.reason();
        if (party instanceof Party.Venue venue) {
            return VenueTarget.match(report.statements().get(Facet.TARGET), venue)
                    .map(target -> new Affected(party, List.of(where, target)));
        }
        return Optional.of(new Affected(party, List.of(where)));
    }
}
