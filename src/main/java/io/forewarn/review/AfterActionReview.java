package io.forewarn.review;

import io.forewarn.incident.Incident;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.Overlap;
import io.forewarn.place.PlaceOverlap;
import io.forewarn.policy.Policy;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.Timestamps;
import io.forewarn.policy.ReleaseCeiling;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Reviews an incident against everything that preceded it: correlates it with earlier reports
 * (time inside the threat window, place meeting the report's place, target matching), then, for
 * every party the report obliged a warning to, applies each {@link FindingRules finding rule}.
 * Only what was known and done before the incident counts.
 */
public final class AfterActionReview {

    private final Casebook casebook;
    private final Policy policy;
    private final ZoneId zone;
    private final Gazetteer gazetteer;

    /**
     * @param zone      the zone findings write times in
     * @param gazetteer what places named places within one another (see {@link PlaceOverlap})
     */
    public AfterActionReview(Casebook casebook, Policy policy, ZoneId zone, Gazetteer gazetteer) {
        this.casebook = casebook;
        this.policy = policy;
        this.zone = zone;
        this.gazetteer = gazetteer;
    }

    public Review review(Incident incident) {
        List<Review.Correlation> correlations = new ArrayList<>();
        List<PartyCase> cases = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ThreatReport report : casebook.reportsForetelling(incident.at())) {
            Optional<Overlap> unknownPlace = unknownPlace(report, incident);
            if (unknownPlace.isPresent()) {
                String why = "the incident falls in the threat window and its target matches, but whether it happened "
                        + "where the report said is unknown: " + unknownPlace.get().reason();
                correlations.add(new Review.Correlation(report.id(), why));
                for (Obligation obligation : casebook.obligationsOf(report.id())) {
                    findings.add(new Finding(FindingCode.COVERAGE_UNKNOWN, report.id(), obligation.partyId(),
                            "whether report " + report.id() + " foretold the incident, and so whether this party's "
                                    + "warnings had to cover it, is unknown: " + unknownPlace.get().reason()));
                }
                continue;
            }
            correlate(report, incident).ifPresent(reason -> {
                correlations.add(new Review.Correlation(report.id(), reason));
                cases.addAll(casesFor(report, incident));
            });
        }
        for (PartyCase subject : cases) {
            List<PartyCase> peers = cases.stream()
                    .filter(other -> other != subject && other.report().id().equals(subject.report().id())
                            && other.party().audience().equals(subject.party().audience()))
                    .toList();
            for (FindingRules.Rule rule : FindingRules.all()) {
                findings.addAll(rule.apply(subject, peers));
            }
        }
        return new Review(incident, correlations, cases, findings);
    }

    /** Why the report foretold the incident, or empty when it did not. */
    Optional<String> correlate(ThreatReport report, Incident incident) {
        if (!report.receivedAt().isBefore(incident.at()) || !report.window().contains(incident.at())) {
            return Optional.empty();
        }
        Overlap place = PlaceOverlap.meets(report.place(), incident.place(), gazetteer);
        if (!place.holds()) {
            return Optional.empty();
        }
        Optional<String> target = TargetMatch.reason(report, incident);
        return target.map(why -> "the incident falls in the threat window " + Timestamps.local(report.window().from(), zone)
                + " to " + Timestamps.local(report.window().to(), zone) + "; place: " + place.reason() + "; target: " + why);
    }

    /**
     * The answer "unknown" when the report would foretell the incident by time and target but the gazetteer
     * cannot say whether the incident happened at the report's place; empty otherwise.
     */
    private Optional<Overlap> unknownPlace(ThreatReport report, Incident incident) {
        if (!report.receivedAt().isBefore(incident.at()) || !report.window().contains(incident.at())
                || TargetMatch.reason(report, incident).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PlaceOverlap.meets(report.place(), incident.place(), gazetteer)).filter(Overlap::unknown);
    }

    /** Four questions per report, whatever the casebook holds: its obligations, their parties, warnings and waivers. */
    private List<PartyCase> casesFor(ThreatReport report, Incident incident) {
        List<PartyCase> cases = new ArrayList<>();
        List<Obligation> obligations = casebook.obligationsOf(report.id());
        Map<String, Party> parties = new HashMap<>();
        casebook.parties(obligations.stream().map(Obligation::partyId).toList()).forEach(p -> parties.put(p.id(), p));
        Map<String, List<Warning>> warnings = casebook.warningsTo(obligations);
        Map<String, List<Waiver>> waivers = casebook.waiversFor(obligations.stream().map(Obligation::id).toList());
        for (Obligation obligation : obligations) {
            Party party = Optional.ofNullable(parties.get(obligation.partyId())).orElseThrow();
            ReleaseCeiling ceiling = policy.ceiling(party.audience())
                    .orElseThrow(() -> new IllegalStateException("policy v" + policy.version()
                            + " sets no ceiling for audience " + party.audience()))
                    .effectiveFor(report);
            List<Warning> before = warnings.getOrDefault(obligation.id(), List.of()).stream()
                    .filter(w -> w.issuedAt().isBefore(incident.at()))
                    .toList();
            List<Waiver> requested = waivers.getOrDefault(obligation.id(), List.of()).stream()
                    .filter(w -> w.requestedAt().isBefore(incident.at()))
                    .toList();
            cases.add(new PartyCase(incident, report, party, obligation, ceiling, before, requested, policy, zone, gazetteer));
        }
        return cases;
    }
}
