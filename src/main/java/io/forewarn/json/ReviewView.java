package io.forewarn.json;

import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Relationship;
import io.forewarn.review.Finding;
import io.forewarn.review.FindingCode;
import io.forewarn.review.PartyCase;
import io.forewarn.review.Review;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.forewarn.obligation.NeedToKnow;
import io.forewarn.report.ThreatReport;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An after-action review: the incident, the policy version it was reviewed under, the reports the
 * incident correlates with and why, one row per affected party (what it was told, and the findings
 * about it), and every finding with its detail. Findings name no protected material. A correlation's reason and
 * a finding's detail quote the report's place, time and target and are read by every role, so each passes the
 * leak check of its report ({@link NeedToKnow}), or is written from ids alone.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ReviewView(IncidentView incident, int policyVersion, List<Correlation> correlations,
                         List<PartyRow> parties, List<FindingView> findings) {

    /** @param reports the report of an id, to check what quotes it, e.g. {@code casebook::report} */
    public static ReviewView of(Review review, int policyVersion, Function<String, Optional<ThreatReport>> reports) {
        NeedToKnow needToKnow = new NeedToKnow(reports);
        return new ReviewView(IncidentView.of(review.incident()), policyVersion,
                review.correlations().stream().map(c -> Correlation.of(c, needToKnow)).toList(),
                review.cases().stream().map(subject -> PartyRow.of(subject, review)).toList(),
                review.findings().stream().map(f -> FindingView.of(f, needToKnow)).toList());
    }

    private static String withheld(String reportId) {
        return "wording withheld, it would reveal protected material of report " + reportId;
    }

    /** A report the incident correlates with, and why. */
    @Schema(name = "ReviewCorrelation")
    public record Correlation(String report, String reason) {

        static Correlation of(Review.Correlation correlation, NeedToKnow needToKnow) {
            return new Correlation(correlation.reportId(), needToKnow.released(correlation.reportId(),
                    correlation.reason(), () -> withheld(correlation.reportId())));
        }
    }

    /**
     * One affected party of one report: its obligation, what it was told, and the findings about it. The
     * warning valid at the incident comes with when it was delivered and acknowledged before the incident
     * (null when it was not); improper waivers are the approved ones the policy's rules do not allow.
     */
    @Schema(name = "ReviewPartyRow")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record PartyRow(String report, String party, String kind, String audience,
                           @Codes(Relationship.class) String relationship, String obligation,
                           @Codes(ObligationState.class) String stateNow, LevelsView effectiveCeiling, List<String> warnings,
                           String validAtIncident, String deliveredAt, String acknowledgedAt,
                           List<String> approvedWaivers, List<String> improperWaivers,
                           @Codes(FindingCode.class) List<String> findings) {

        static PartyRow of(PartyCase subject, Review review) {
            Optional<PartyCase.Receipt> receipt = subject.validAtIncident().flatMap(subject::receiptOf);
            return new PartyRow(subject.report().id(), subject.party().id(), subject.party().kind(),
                    subject.party().audience().name(), subject.party().relationship().code(),
                    subject.obligation().id(), subject.obligation().state().code(),
                    LevelsView.of(subject.effectiveCeiling().levels()),
                    subject.warnings().stream().map(Warning::id).toList(),
                    subject.validAtIncident().map(Warning::id).orElse(null),
                    receipt.map(r -> r.deliveredAt().toString()).orElse(null),
                    receipt.flatMap(PartyCase.Receipt::acknowledgedAt).map(Object::toString).orElse(null),
                    subject.approvedWaivers().stream().map(Waiver::id).toList(),
                    subject.approvedWaivers().stream().filter(w -> !subject.improprieties(w).isEmpty())
                            .map(Waiver::id).toList(),
                    review.findingsFor(subject.report().id(), subject.party().id()).stream()
                            .map(f -> f.code().code())
                            .toList());
        }
    }

    /** One finding: its code, the report and party it is about, and what was found. */
    public record FindingView(@Codes(FindingCode.class) String finding, String report, String party, String detail) {

        static FindingView of(Finding finding, NeedToKnow needToKnow) {
            return new FindingView(finding.code().code(), finding.reportId(), finding.partyId(),
                    needToKnow.released(finding.reportId(), finding.detail(), () -> withheld(finding.reportId())));
        }
    }
}
