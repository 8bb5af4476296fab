package io.forewarn.sanitize;

import io.forewarn.Crocus;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static io.forewarn.sanitize.Ceilings.ceiling;
import static io.forewarn.sanitize.Ceilings.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseCeilingTest {

    /** Supports place locality, time month (a 24-day window), target class, method specific, actor named. */
    private static final ThreatReport R1 =
            Crocus.R1_UNMARKED;

    @Test
    void theEffectiveCeilingIsPerFacetTheLowerOfTheCeilingAndWhatTheReportSupports() {
        ReleaseCeiling publicCeiling = ceiling("locality", "day", "class", "generic", "type");

        assertThat(publicCeiling.effectiveFor(R1).levels())
                .isEqualTo(levels("locality", "month", "class", "generic", "type"));
    }

    @Test
    void theMostGenerousCeilingYieldsExactlyWhatTheReportSupports() {
        ReleaseCeiling top = ceiling("site", "exact", "named", "specific", "named");

        assertThat(top.effectiveFor(R1).levels())
                .isEqualTo(levels("locality", "month", "class", "specific", "named"));
    }

    @Test
    void aCeilingOfNoneStaysNone() {
        ReleaseCeiling nothing = ceiling("none", "none", "none", "none", "none");

        assertThat(nothing.effectiveFor(R1)).isEqualTo(nothing);
    }

    @Test
    void aCeilingNeedsALevelOfItsOwnFacetForEveryFacet() {
        Map<Facet, Level> missingActor = new EnumMap<>(levels("site", "exact", "named", "specific", "named"));
        missingActor.remove(Facet.ACTOR);
        Map<Facet, Level> crossed = new EnumMap<>(levels("site", "exact", "named", "specific", "named"));
        crossed.put(Facet.ACTOR, Facet.TARGET.level("named"));

        assertThatThrownBy(() -> new ReleaseCeiling(missingActor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a release ceiling needs a level for actor");
        assertThatThrownBy(() -> new ReleaseCeiling(crossed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target:named is not a level of actor");
    }
}
