package io.forewarn.sanitize;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static io.forewarn.sanitize.Ceilings.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpecificityTest {

    /** Top ranks: place 4, time 4, target 3, method 2, actor 2. */
    private static final double TOP = 15;

    @Test
    void nothingReleasedScoresZero() {
        assertThat(Specificity.of(levels("none", "none", "none", "none", "none"))).isZero();
    }

    @Test
    void everythingAtTheTopScoresOne() {
        assertThat(Specificity.of(levels("site", "exact", "named", "specific", "named"))).isEqualTo(1.0);
    }

    @Test
    void theScoreIsTheSumOfRanksOverTheSumOfTopRanks() {
        // the public's ceiling: locality 3 + day 3 + class 2 + generic 1 + type 1
        assertThat(Specificity.of(levels("locality", "day", "class", "generic", "type")))
                .isCloseTo(10 / TOP, within(1e-12));
        // the Crocus warning to the Russian authorities: locality 3 + none 0 + category 1 + generic 1 + type 1
        assertThat(Specificity.of(levels("locality", "none", "category", "generic", "type")))
                .isCloseTo(6 / TOP, within(1e-12));
    }

    @Test
    void aMoreSpecificFacetNeverLowersTheScore() {
        for (Facet facet : Facet.values()) {
            Map<Facet, Level> released = new EnumMap<>(levels("none", "none", "none", "none", "none"));
            double previous = Specificity.of(released);
            for (int i = facet.ladder().size() - 2; i >= 0; i--) {
                released.put(facet, facet.ladder().get(i));
                double score = Specificity.of(released);
                assertThat(score).as("%s", facet.ladder().get(i)).isCloseTo(previous + 1 / TOP, within(1e-12));
                previous = score;
            }
        }
    }

    @Test
    void aFacetLeftOutCountsAsNone() {
        Map<Facet, Level> placeOnly = Map.of(Facet.PLACE, Facet.PLACE.level("site"));

        assertThat(Specificity.of(placeOnly)).isCloseTo(4 / TOP, within(1e-12));
    }
}
