package io.forewarn.party;

import io.forewarn.Crocus;
import io.forewarn.place.Place;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test fixture: threat reports that differ only in place and target, the two facets resolution
 * reads; the rest is the Crocus City Hall case's R-1 report ({@link Crocus#R1_UNMARKED}).
 */
public final class Reports {

    private Reports() {
    }

    /** A report at {@code place} whose target is stated as level, text pairs, e.g. {@code "class", "concert halls"}. */
    public static ThreatReport report(Place place, String... target) {
        ThreatReport r1 = Crocus.R1_UNMARKED;
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(r1.statements());
        statements.put(Facet.TARGET, statements(Facet.TARGET, target));
        return new ThreatReport(r1.id(), r1.receivedAt(), r1.harm(), r1.credibility(), place, r1.window(), statements,
                r1.portions(), r1.protectedMaterial(), r1.synthetic());
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
