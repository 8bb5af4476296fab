package io.forewarn.web.api;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Justification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Facet levels, justifications and stated windows as drafts, warnings and reviews show them. */
final class LevelsView {

    private LevelsView() {
    }

    /** {@code {place: locality, time: none, ...}} in facet order. */
    static Map<String, String> of(Map<Facet, Level> levels) {
        Map<String, String> view = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Level level = levels.get(facet);
            if (level != null) {
                view.put(facet.key(), level.name());
            }
        }
        return view;
    }

    /** {@code {method: sources-and-methods, ...}} in facet order. */
    static Map<String, String> justifications(Map<Facet, Justification> justifications) {
        Map<String, String> view = new LinkedHashMap<>();
        justifications.forEach((facet, justification) -> view.put(facet.key(), justification.code()));
        return view;
    }

    static List<String> facets(List<Facet> facets) {
        return facets.stream().map(Facet::key).toList();
    }

    /** {@code {from, to}}, or null when no window is stated. */
    static Map<String, String> window(Optional<TimeWindow> window) {
        return window.map(w -> {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("from", w.from().toString());
            view.put("to", w.to().toString());
            return view;
        }).orElse(null);
    }

    /** A specificity score to three decimals. */
    static double specificity(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
