package io.forewarn.review;

import io.forewarn.incident.Incident;
import io.forewarn.obligation.ClosingReason;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Transition;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.place.Overlap;
import io.forewarn.policy.WaiverRule;
import io.forewarn.report.Facet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The review's findings, each a small rule over one {@link PartyCase} (and its peers of the same
 * audience). A new finding is one more entry in {@link #all()}.
 */
public final class FindingRules {

    /** One rule: the findings it makes for a party, given the other parties of its audience. */
    @FunctionalInterface
    public interface Rule {
        List<Finding> apply(PartyCase subject, List<PartyCase> peers);
    }

    private FindingRules() {
    }

    public static List<Rule> all() {
        return List.of(FindingRules::neverWarned, FindingRules::expiredBeforeIncident, FindingRules::renewalMissed,
                FindingRules::belowCeiling, FindingRules::unequalSpecificity, FindingRules::lateWarning,
                FindingRules::waiverWithoutAlternative, FindingRules::waiverImproper, FindingRules::notDelivered,
                FindingRules::expiredUnwarned, FindingRules::incidentCovered, FindingRules::coverageUnknown);
    }

    /** No warning reached the party before the incident and no approved waiver covers it. */
    static List<Finding> neverWarned(PartyCase subject, List<PartyCase> peers) {
        if (!subject.warnings().isEmpty() || subject.waivedEntirely()) {
            return List.of();
        }
        return one(FindingCode.AFFECTED_PARTY_NEVER_WARNED, subject, "affected ("
                + subject.obligation().history().get(0).note() + ") but never warned; obligation is "
                + subject.obligation().state().code()
                + subject.obligation().closedAs().map(reason -> " (" + reason.code() + ")").orElse(""));
    }

    /**
     * Warned, but every warning had ended before the incident while the threat window still held it: expired, or
     * cancelled (a cancelled warning covers no one from its cancellation on).
     */
    static List<Finding> expiredBeforeIncident(PartyCase subject, List<PartyCase> peers) {
        Instant at = subject.incident().at();
        if (subject.warnings().isEmpty() || !subject.threatWindowHeldIncident()
                || subject.warnings().stream().anyMatch(w -> w.endsAt().isAfter(at))) {
            return List.of();
        }
        Warning last = subject.latestWarning().orElseThrow();
        Instant ended = last.endsAt();
        return one(FindingCode.WARNING_EXPIRED_BEFORE_INCIDENT, subject, "last warning " + last.id()
                + (ended.isBefore(last.validity().to()) ? " was cancelled at " : " expired at ")
                + subject.local(ended) + ", " + days(ended, at) + " before the incident, while the threat window ran until "
                + subject.local(subject.report().window().to()));
    }

    /**
     * A warning expired while the threat window was open and no renewal had been issued by then.
     * The scheduler opens the renewal the policy's lead time before expiry; it is missed if none is
     * out when the warning expires.
     */
    static List<Finding> renewalMissed(PartyCase subject, List<PartyCase> peers) {
        List<Finding> findings = new ArrayList<>();
        Instant windowEnd = subject.report().window().to();
        for (Warning warning : subject.warnings()) {
            Instant expiry = warning.validity().to();
            if (!expiry.isBefore(windowEnd) || expiry.isAfter(subject.incident().at())) {
                continue;
            }
            boolean renewed = subject.warnings().stream()
                    .anyMatch(later -> later.issuedAt().isAfter(warning.issuedAt()) && later.issuedAt().isBefore(expiry));
            if (!renewed) {
                findings.add(new Finding(FindingCode.RENEWAL_MISSED, subject.report().id(), subject.party().id(),
                        "warning " + warning.id() + " expired at " + subject.local(expiry) + " with the threat window open; renewal was due from "
                                + subject.local(expiry.minus(subject.policy().renewBeforeExpiry())) + " and none was issued before expiry"));
            }
        }
        return findings;
    }

    /** A released facet less specific than the effective ceiling, with no justification and no waiver. */
    static List<Finding> belowCeiling(PartyCase subject, List<PartyCase> peers) {
        if (subject.mayBeLessSpecific()) {
            return List.of();
        }
        List<String> gaps = new ArrayList<>();
        for (Warning warning : subject.warnings()) {
            for (Facet facet : Facet.values()) {
                var ceiling = subject.effectiveCeiling().of(facet);
                var released = warning.released().get(facet);
                if (released.isLessSpecificThan(ceiling) && !warning.justifications().containsKey(facet)) {
                    gaps.add(warning.id() + " " + facet.key() + " " + released.name() + " < " + ceiling.name());
                }
            }
        }
        return gaps.isEmpty() ? List.of() : one(FindingCode.BELOW_CEILING_WITHOUT_JUSTIFICATION, subject,
                "released below the effective ceiling without justification: " + String.join(", ", gaps));
    }

    /** Parties of one audience got different specificity for the same report without a waiver saying why. */
    static List<Finding> unequalSpecificity(PartyCase subject, List<PartyCase> peers) {
        Optional<Double> mine = bestSpecificity(subject);
        if (mine.isEmpty() || subject.mayBeLessSpecific()) {
            return List.of();
        }
        Optional<PartyCase> better = peers.stream()
                .filter(peer -> bestSpecificity(peer).filter(theirs -> theirs > mine.get() + 1e-9).isPresent())
                .findFirst();
        return better.map(peer -> one(FindingCode.UNEQUAL_SPECIFICITY, subject, String.format(Locale.ROOT,
                        "warned at specificity %.2f while %s of the same audience got %.2f, with no waiver saying why",
                        mine.get(), peer.party().id(), bestSpecificity(peer).orElseThrow())))
                .orElse(List.of());
    }

    /** The first warning was issued after the obligation's deadline. */
    static List<Finding> lateWarning(PartyCase subject, List<PartyCase> peers) {
        return subject.warnings().stream().findFirst()
                .filter(first -> !first.issuedAt().isBefore(subject.obligation().deadline()))
                .map(first -> one(FindingCode.LATE_WARNING, subject, "first warning " + first.id() + " issued at "
                        + subject.local(first.issuedAt()) + ", not before the deadline " + subject.local(subject.obligation().deadline())))
                .orElse(List.of());
    }

    /**
     * A waiver on the sources-and-methods ground (or on any ground the policy says needs one) that
     * records no alternative action.
     */
    static List<Finding> waiverWithoutAlternative(PartyCase subject, List<PartyCase> peers) {
        return subject.approvedWaivers().stream()
                .filter(w -> w.alternative().isEmpty() && (w.reason().protectsSourcesAndMethods()
                        || subject.policy().waiverRule(w.reason()).map(WaiverRule::requiresAlternative).orElse(false)))
                .map(Waiver::id)
                .reduce((a, b) -> a + ", " + b)
                .map(ids -> one(FindingCode.WAIVER_WITHOUT_ALTERNATIVE, subject, "waiver " + ids
                        + " records no alternative action, which its ground requires"))
                .orElse(List.of());
    }

    /**
     * A waiver approved against the policy's rules (its own requester approved it, a role the policy does not
     * allow for its reason, a reason the policy does not allow, no alternative where one is required): it
     * excuses nothing, so the other rules judge the party as if it had not been approved.
     */
    static List<Finding> waiverImproper(PartyCase subject, List<PartyCase> peers) {
        List<Finding> findings = new ArrayList<>();
        for (Waiver waiver : subject.approvedWaivers()) {
            List<String> wrong = subject.improprieties(waiver);
            if (!wrong.isEmpty()) {
                Waiver.Decision decision = waiver.decision().orElseThrow();
                findings.add(new Finding(FindingCode.WAIVER_IMPROPER, subject.report().id(), subject.party().id(),
                        "waiver " + waiver.id() + " (" + waiver.reason().code() + ", " + waiver.scope().code()
                                + "), approved by " + decision.decidedBy() + " as " + decision.role().code()
                                + ", excuses nothing: " + String.join("; ", wrong)));
            }
        }
        return findings;
    }

    /** A warning was issued to the party, but no delivery of it was recorded before the incident. */
    static List<Finding> notDelivered(PartyCase subject, List<PartyCase> peers) {
        return subject.warnings().stream()
                .filter(w -> subject.receiptOf(w).isEmpty())
                .map(w -> new Finding(FindingCode.WARNING_NOT_DELIVERED, subject.report().id(), subject.party().id(),
                        "warning " + w.id() + " was issued at " + subject.local(w.issuedAt())
                                + ", but no delivery of it was recorded before the incident"))
                .toList();
    }

    /**
     * The threat window ended with the obligation still awaiting its warning: the deadline sweep closed it
     * as expired-unwarned. The obligation is read as it stands now, so a review made after the window says so.
     */
    static List<Finding> expiredUnwarned(PartyCase subject, List<PartyCase> peers) {
        Obligation obligation = subject.obligation();
        if (obligation.closedAs().filter(reason -> reason == ClosingReason.EXPIRED_UNWARNED).isEmpty()) {
            return List.of();
        }
        Transition closed = obligation.history().get(obligation.history().size() - 1);
        return one(FindingCode.EXPIRED_UNWARNED, subject, "the threat window ended at "
                + subject.local(subject.report().window().to()) + " with the obligation still " + closed.from().code()
                + "; closed by " + closed.actor() + " at " + subject.local(closed.at()));
    }

    /**
     * The party held a valid warning at the incident, delivered before it, whose released place and time
     * contain it; the detail says whether the party acknowledged it.
     */
    static List<Finding> incidentCovered(PartyCase subject, List<PartyCase> peers) {
        Incident incident = subject.incident();
        return subject.warnings().stream()
                .filter(w -> w.isValidAt(incident.at()))
                .filter(w -> w.statedWindow().map(window -> window.contains(incident.at())).orElse(true))
                .filter(w -> subject.placeCovers(w).holds())
                .filter(w -> subject.receiptOf(w).isPresent())
                .reduce((first, second) -> second)
                .map(w -> one(FindingCode.INCIDENT_COVERED, subject, "warning " + w.id() + " was valid until "
                        + subject.local(w.validity().to()) + " and its place and time contain the incident; "
                        + received(subject, subject.receiptOf(w).orElseThrow())))
                .orElse(List.of());
    }

    /**
     * No warning covered the incident, but one valid at it (in its stated window) releases a place that the
     * gazetteer cannot compare with the incident's: whether it covered the incident is unknown, which the review
     * says rather than count the party uncovered in silence.
     */
    static List<Finding> coverageUnknown(PartyCase subject, List<PartyCase> peers) {
        if (!incidentCovered(subject, peers).isEmpty()) {
            return List.of();
        }
        Incident incident = subject.incident();
        return subject.warnings().stream()
                .filter(w -> w.isValidAt(incident.at()))
                .filter(w -> w.statedWindow().map(window -> window.contains(incident.at())).orElse(true))
                .filter(w -> subject.placeCovers(w).unknown())
                .reduce((first, second) -> second)
                .map(w -> one(FindingCode.COVERAGE_UNKNOWN, subject, "warning " + w.id() + " was valid at the incident, "
                        + "but whether its released place (" + w.releasedPlace() + ") contains the incident's ("
                        + incident.place() + ") is unknown: " + subject.placeCovers(w).reason()))
                .orElse(List.of());
    }

    private static String received(PartyCase subject, PartyCase.Receipt receipt) {
        return "delivered at " + subject.local(receipt.deliveredAt()) + receipt.acknowledgedAt()
                .map(at -> ", acknowledged at " + subject.local(at)).orElse(", not acknowledged");
    }

    private static Optional<Double> bestSpecificity(PartyCase subject) {
        return subject.warnings().stream().map(Warning::specificity).max(Double::compare);
    }

    private static List<Finding> one(FindingCode code, PartyCase subject, String detail) {
        return List.of(new Finding(code, subject.report().id(), subject.party().id(), detail));
    }

    private static String days(Instant from, Instant to) {
        long hours = java.time.Duration.between(from, to).toHours();
        return hours >= 48 ? (hours / 24) + " days" : hours + " hours";
    }
}
