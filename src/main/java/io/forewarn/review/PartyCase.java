package io.forewarn.review;

import io.forewarn.incident.Incident;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Transition;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.WaiverRules;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.Overlap;
import io.forewarn.place.PlaceOverlap;
import io.forewarn.policy.Policy;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.Timestamps;
import io.forewarn.policy.ReleaseCeiling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a review knows about one affected party for one report correlated with an incident: its
 * obligation, the warnings it was given before the incident, the waivers approved for it, and its
 * effective ceiling. Finding rules read this; peers are the other parties of the same audience.
 */
public record PartyCase(
        Incident incident,
        ThreatReport report,
        Party party,
        Obligation obligation,
        ReleaseCeiling effectiveCeiling,
        List<Warning> warnings,
        List<Waiver> waivers,
        Policy policy,
        ZoneId zone,
        Gazetteer gazetteer) {

    public PartyCase {
        warnings = List.copyOf(warnings);
        waivers = List.copyOf(waivers);
    }

    /**
     * Whether the warning's released place contains the incident's, through the gazetteer: yes, no, or unknown
     * when it cannot place one of them. A warning that releases no place states nowhere, so it contains any.
     */
    public Overlap placeCovers(Warning warning) {
        return warning.releasedPlace().isEmpty()
                ? new Overlap(Overlap.Answer.YES, Overlap.Basis.NAMES, "names: the warning releases no place")
                : PlaceOverlap.contains(warning.releasedPlace(), incident.place(), gazetteer);
    }

    /**
     * The waivers approved before the incident; one approved only afterwards excused nothing at the time,
     * and only the {@linkplain #properWaivers() proper} ones excuse anything.
     */
    public List<Waiver> approvedWaivers() {
        return waivers.stream()
                .filter(Waiver::isApproved)
                .filter(w -> w.decision().orElseThrow().at().isBefore(incident.at()))
                .toList();
    }

    /**
     * What the policy finds wrong with an approved waiver, judged by the same {@link WaiverRules} an approval
     * must pass (reason allowed, approver's role, alternative recorded, two persons); empty when it is proper.
     * A waiver replayed as recorded was approved whatever the rules said, so it is judged here.
     */
    public List<String> improprieties(Waiver waiver) {
        Waiver.Decision decision = waiver.decision().orElseThrow();
        return WaiverRules.refusals(waiver, decision.decidedBy(), decision.role(), policy);
    }

    /** The approved waivers the policy allows: only these excuse anything. */
    public List<Waiver> properWaivers() {
        return approvedWaivers().stream().filter(w -> improprieties(w).isEmpty()).toList();
    }

    public boolean waivedEntirely() {
        return properWaivers().stream().anyMatch(w -> w.scope() == Waiver.Scope.NOT_WARNED);
    }

    /** A proper waiver allows this party a less specific warning. */
    public boolean mayBeLessSpecific() {
        return properWaivers().stream().anyMatch(w -> w.scope() == Waiver.Scope.LESS_SPECIFIC);
    }

    /**
     * That a warning reached the party: when it was delivered and, if it was, when the party acknowledged it.
     * Only what was recorded before the incident counts.
     */
    public record Receipt(Instant deliveredAt, Optional<Instant> acknowledgedAt) {
    }

    /**
     * When the party got {@code warning}, if a delivery of it was recorded before the incident. A delivery
     * is recorded on the obligation, so it belongs to the latest warning issued to the party by then: the
     * one recorded after this warning was issued and before the next one was.
     */
    public Optional<Receipt> receiptOf(Warning warning) {
        int index = warnings.indexOf(warning);
        Instant from = warning.issuedAt();
        Instant until = index + 1 < warnings.size() ? warnings.get(index + 1).issuedAt() : incident.at();
        List<Transition> meanwhile = obligation.history().stream()
                .filter(step -> !step.at().isBefore(from) && step.at().isBefore(until) && step.at().isBefore(incident.at()))
                .toList();
        return firstAt(meanwhile, ObligationState.DELIVERED).map(delivered ->
                new Receipt(delivered, firstAt(meanwhile, ObligationState.ACKNOWLEDGED)));
    }

    private static Optional<Instant> firstAt(List<Transition> steps, ObligationState state) {
        return steps.stream().filter(step -> step.to() == state).map(Transition::at).findFirst();
    }

    /** The warning that was in force at the incident, if any. */
    public Optional<Warning> validAtIncident() {
        return warnings.stream().filter(w -> w.isValidAt(incident.at())).reduce((first, second) -> second);
    }

    /** The most recent warning before the incident. */
    public Optional<Warning> latestWarning() {
        return warnings.isEmpty() ? Optional.empty() : Optional.of(warnings.get(warnings.size() - 1));
    }

    /** An instant as the review writes it, in the agency's zone. */
    public String local(Instant instant) {
        return Timestamps.local(instant, zone);
    }

    public boolean threatWindowHeldIncident() {
        return report.window().contains(incident.at());
    }
}
