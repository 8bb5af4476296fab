package io.forewarn.policy;

import io.forewarn.report.ThreatReport;

/**
 * Whether a report creates a duty to warn under a policy. A report below the credibility threshold
 * is triaged for a human to look at, never dropped.
 */
public record Triage(Outcome outcome, String reason, int policyVersion) {

    public enum Outcome {
        /** The report creates obligations to warn. */
        DUTY_TO_WARN,
        /** The harm qualifies but the report is not credible enough yet: a human must look at it. */
        NEEDS_TRIAGE,
        /** The harm is not one the policy covers. */
        NO_DUTY
    }

    public static Triage of(ThreatReport report, Policy policy) {
        if (!policy.harms().contains(report.harm())) {
            return new Triage(Outcome.NO_DUTY, "harm " + report.harm().code() + " is not covered by policy v"
                    + policy.version(), policy.version());
        }
        if (!report.credibility().meets(policy.minCredibility())) {
            return new Triage(Outcome.NEEDS_TRIAGE, "credibility " + report.credibility() + " is below the policy minimum "
                    + policy.minCredibility(), policy.version());
        }
        return new Triage(Outcome.DUTY_TO_WARN, "harm " + report.harm().code() + ", credibility "
                + report.credibility(), policy.version());
    }

    public boolean obligesWarning() {
        return outcome == Outcome.DUTY_TO_WARN;
    }
}
