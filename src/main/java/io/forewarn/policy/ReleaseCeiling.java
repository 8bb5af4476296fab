package io.forewarn.policy;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;

import java.util.EnumMap;
import java.util.Map;

/** For one audience, the most specific level of each facet that may be released to it. */
public record ReleaseCeiling(Map<Facet, Level> levels) {

    public ReleaseCeiling {
        for (Facet facet : Facet.values()) {
            if (!levels.containsKey(facet)) {
                throw new IllegalArgumentException("a release ceiling needs a level for " + facet.key());
            }
        }
        levels = Facet.levels(levels);
    }

    public Level of(Facet facet) {
        return levels.get(facet);
    }

    /**
     * The effective ceiling for a report: per facet, the lower of this ceiling and the level the
     * report itself supports. A warning is measured against this, never against more than the report knows.
     */
    public ReleaseCeiling effectiveFor(ThreatReport report) {
        EnumMap<Facet, Level> effective = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            effective.put(facet, levels.get(facet).coarser(report.supportedLevel(facet)));
        }
        return new ReleaseCeiling(effective);
    }
}
