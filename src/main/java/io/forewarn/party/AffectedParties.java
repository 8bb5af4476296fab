package io.forewarn.party;

import io.forewarn.place.Gazetteer;
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
 * Places are compared through the gazetteer ({@link PlaceOverlap#meets(io.forewarn.place.Place,
 * io.forewarn.place.Place, Gazetteer)}) where their names alone do not say yes, so a report at "Moscow Oblast"
 * reaches a venue recorded only in "Krasnogorsk"; a place the gazetteer cannot place leaves the party unaffected
 * by place (a report cannot obligate every party it cannot place), as before the gazetteer.
 *
 * <p>Whatever its place, a party is also affected when the report's named target is one of the names, aliases or
 * identifiers it is known by ({@link NamedTarget}, the same name only: a near one is offered, not guessed); the
 * reason says which name matched.
 *
 * <p>A party's relationship (ally, neutral, adversarial) is never consulted: it does not change whether
 * a party is affected.
 */
public final class AffectedParties {

    private final List<Party> parties;
    private final Gazetteer gazetteer;

    /** Places compared by geometry and names only. */
    public AffectedParties(List<Party> parties) {
        this(parties, Gazetteer.NONE);
    }

    public AffectedParties(List<Party> parties, Gazetteer gazetteer) {
        this.parties = List.copyOf(parties);
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** The parties the report affects, in the order the parties were given, each with its reasons. */
    public List<Affected> resolve(ThreatReport report) {
        Objects.requireNonNull(report, "report");
        return parties.stream()
                .map(party -> assess(report, party).map(hit -> named(report, hit))
                        .or(() -> named(report, party)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The party's affected by the report's named target alone, whatever its place. */
    private static Optional<Affected> named(ThreatReport report, Party party) {
        return sameName(report, party).map(reason -> new Affected(party, List.of(reason)));
    }

    /** A party affected by place, with the named target's reason added when it names the party too. */
    private static Affected named(ThreatReport report, Affected hit) {
        return sameName(report, hit.party()).map(reason -> {
            List<String> reasons = new java.util.ArrayList<>(hit.reasons());
            reasons.removeIf(r -> r.startsWith("target: named "));
            reasons.add(reason);
            return new Affected(hit.party(), reasons);
        }).orElse(hit);
    }

    private static Optional<String> sameName(ThreatReport report, Party party) {
        if (party.knownAs().isEmpty()) {
            return Optional.empty();
        }
        return NamedTarget.of(report).flatMap(target -> NamedTarget.match(target, party.knownAs()))
                .filter(match -> match.closeness() == NamedTarget.Closeness.SAME)
                .map(NamedTarget.Match::reason);
    }

    private Optional<Affected> assess(ThreatReport report, Party party) {
        if (party instanceof Party.Authority) {
            Overlap jurisdiction = PlaceOverlap.contains(party.place(), report.place(), gazetteer);
            return jurisdiction.holds()
                    ? Optional.of(new Affected(party, List.of("jurisdiction: " + jurisdiction.reason())))
                    : Optional.empty();
        }
        Overlap place = PlaceOverlap.meets(report.place(), party.place(), gazetteer);
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
