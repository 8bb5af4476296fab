package io.forewarn.web.api;

import io.forewarn.obligation.Warning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A warning as the API shows it. Its text was released to its audience (an issued draft passed the
 * leak check; a recorded warning that leaked is stored withheld), so every case reader sees all of it.
 */
final class WarningView {

    private WarningView() {
    }

    static Map<String, Object> of(Warning warning) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", warning.id());
        view.put("report", warning.reportId());
        view.put("audience", warning.audience().name());
        view.put("parties", warning.partyIds());
        view.put("issued-at", warning.issuedAt().toString());
        view.put("valid-from", warning.validity().from().toString());
        view.put("valid-until", warning.validity().to().toString());
        view.put("released", LevelsView.of(warning.released()));
        view.put("specificity", LevelsView.specificity(warning.specificity()));
        view.put("justifications", LevelsView.justifications(warning.justifications()));
        view.put("place", ReportView.place(warning.releasedPlace()));
        view.put("window", LevelsView.window(warning.statedWindow()));
        view.put("text", warning.text());
        view.put("renews", warning.renews().orElse(null));
        view.put("recorded", warning.recorded());
        return view;
    }
}
