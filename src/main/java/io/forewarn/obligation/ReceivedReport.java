package io.forewarn.obligation;

import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;

import java.util.Objects;

/** A report as the casebook received it, with the policy's triage of it. */
public record ReceivedReport(ThreatReport report, Triage triage) {

    public ReceivedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(triage, "triage");
    }
}
