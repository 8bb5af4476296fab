package io.forewarn.sanitize;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;

import java.util.Map;

/** The specificity score of released levels: the sum of their ranks over the sum of the top ranks (0 … 1). */
public final class Specificity {

    private static final int TOP = java.util.Arrays.stream(Facet.values()).mapToInt(f -> f.top().rank()).sum();

    private Specificity() {
    }

    public static double of(Map<Facet, Level> released) {
        int sum = 0;
        for (Facet facet : Facet.values()) {
            Level level = released.get(facet);
            sum += level == null ? 0 : level.rank();
        }
        return (double) sum / TOP;
    }
}
