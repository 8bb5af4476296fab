package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonValue;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.sanitize.Justification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value per facet, in facet order: levels ({@code {place: locality, time: none, …}}) or the
 * justifications of lowered facets ({@code {method: sources-and-methods}}).
 */
public record LevelsView(@JsonValue Map<String, String> facets) {

    public static LevelsView of(Map<Facet, Level> levels) {
        Map<String, String> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Level level = levels.get(facet);
            if (level != null) {
                facets.put(facet.key(), level.name());
            }
        }
        return new LevelsView(facets);
    }

    public static LevelsView justifications(Map<Facet, Justification> justifications) {
        Map<String, String> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Justification justification = justifications.get(facet);
            if (justification != null) {
                facets.put(facet.key(), justification.code());
            }
        }
        return new LevelsView(facets);
    }

    static List<String> keys(List<Facet> facets) {
        return facets.stream().map(Facet::key).toList();
    }

    /** A specificity score to three decimals. */
    static double specificity(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
