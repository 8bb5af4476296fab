package io.forewarn.review;

import io.forewarn.incident.Incident;
import java.util.List;

/**
 * The after-action review of one incident: the reports it correlates with (and why), what each
 * affected party was told, and the findings.
 */
public record Review(Incident incident, List<Correlation> correlations, List<PartyCase> cases, List<Finding> findings) {

    public Review {
        correlations = List.copyOf(correlations);
        cases = List.copyOf(cases);
        findings = List.copyOf(findings);
    }

    /** Why a report is taken to have foretold the incident. */
    public record Correlation(String reportId, String reason) {
    }

    public List<Finding> findingsFor(String reportId, String partyId) {
        return findings.stream().filter(f -> f.reportId().equals(reportId) && f.partyId().equals(partyId)).toList();
    }
}
