package io.forewarn.web.api;

import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.review.Finding;
import io.forewarn.review.PartyCase;
import io.forewarn.review.Review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An after-action review as the API shows it: the reports the incident correlates with and why,
 * one row per affected party (what it was told, and the findings about it), and every finding with
 * its detail. Findings name no protected material.
 */
final class ReviewView {

    private ReviewView() {
    }

    static Map<String, Object> of(Review review, int policyVersion) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incident", IncidentView.of(review.incident()));
        view.put("policy-version", policyVersion);
        view.put("correlations", review.correlations().stream().map(ReviewView::correlation).toList());
        view.put("parties", review.cases().stream().map(subject -> party(subject, review)).toList());
        view.put("findings", review.findings().stream().map(ReviewView::finding).toList());
        return view;
    }

    private static Map<String, Object> correlation(Review.Correlation correlation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", correlation.reportId());
        view.put("reason", correlation.reason());
        return view;
    }

    private static Map<String, Object> party(PartyCase subject, Review review) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", subject.report().id());
        view.put("party", subject.party().id());
        view.put("kind", subject.party().kind());
        view.put("audience", subject.party().audience().name());
        view.put("relationship", subject.party().relationship().code());
        view.put("obligation", subject.obligation().id());
        view.put("state-now", subject.obligation().state().code());
        view.put("effective-ceiling", LevelsView.of(subject.effectiveCeiling().levels()));
        view.put("warnings", subject.warnings().stream().map(Warning::id).toList());
        view.put("valid-at-incident", subject.validAtIncident().map(Warning::id).orElse(null));
        view.put("approved-waivers", subject.approvedWaivers().stream().map(Waiver::id).toList());
        List<String> findings = review.findingsFor(subject.report().id(), subject.party().id()).stream()
                .map(f -> f.code().code())
                .toList();
        view.put("findings", findings);
        return view;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("finding", finding.code().code());
        view.put("report", finding.reportId());
        view.put("party", finding.partyId());
        view.put("detail", finding.detail());
        return view;
    }
}
