package io.forewarn.party;

import io.forewarn.place.Place;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: threat reports that differ only in place and target, the two facets resolution
 * reads; the rest is the Crocus City Hall case's R-1 report.
 */
public final class Reports {

    private Reports() {
    }

    /** A report at {@code place} whose target is stated as level, text pairs, e.g. {@code "class", "concert halls"}. */
    public static ThreatReport report(Place place, String... target) {
        Map<Facet, Map<Level, String>> statements = Map.of(
                Facet.TARGET, statements(Facet.TARGET, target),
                Facet.METHOD, statements(Facet.METHOD, "specific", "armed assault on an audience", "generic", "attack"),
                Facet.ACTOR, statements(Facet.ACTOR, "named", "Islamic State Khorasan Province", "type", "terrorist group"));
        return new ThreatReport("R-1", Instant.parse("2024-03-07T05:00:00Z"), Harm.KILLING, Credibility.of("B2"), place,
                new TimeWindow(Instant.parse("2024-03-06T21:00:00Z"), Instant.parse("2024-03-30T21:00:00Z")),
                statements, List.of(), null, true);
    }

    private static Map<Level, String> statements(Facet facet, String... levelAndText) {
        if (levelAndText.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of level and text expected");
        }
        Map<Level, String> byLevel = new LinkedHashMap<>();
        for (int i = 0; i < levelAndText.length; i += 2) {
            byLevel.put(facet.level(levelAndText[i]), levelAndText[i + 1]);
        }
        return byLevel;
    }
}
