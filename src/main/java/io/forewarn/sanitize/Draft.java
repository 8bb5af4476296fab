package io.forewarn.sanitize;

import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.place.Place;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A warning drafted for one audience from one report: the released level and wording of each facet,
 * the text, its specificity, the justification of every gap below the effective ceiling, and the
 * leak check's verdict on the whole text.
 */
public record Draft(
        String reportId,
        Audience audience,
        ReleaseCeiling effectiveCeiling,
        Map<Facet, Level> released,
        Place releasedPlace,
        Optional<TimeWindow> statedWindow,
        String text,
        Map<Facet, Justification> justifications,
        LeakVerdict leak) {

    public Draft {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(effectiveCeiling, "effectiveCeiling");
        released = Facet.levels(released);
        Objects.requireNonNull(releasedPlace, "releasedPlace");
        Objects.requireNonNull(statedWindow, "statedWindow");
        Objects.requireNonNull(text, "text");
        justifications = Facet.copyOf(justifications);
        Objects.requireNonNull(leak, "leak");
    }

    public double specificity() {
        return Specificity.of(released);
    }

    /** Facets stated less specifically than the effective ceiling allows. */
    public List<Facet> gaps() {
        return released.entrySet().stream()
                .filter(entry -> entry.getValue().isLessSpecificThan(effectiveCeiling.of(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    public List<Facet> unjustifiedGaps() {
        return gaps().stream().filter(facet -> !justifications.containsKey(facet)).toList();
    }

    /** Why this draft cannot be approved; empty when it can. Names no protected item. */
    public List<String> obstacles() {
        List<String> obstacles = new java.util.ArrayList<>();
        if (leak.isBlocked()) {
            obstacles.add("the leak check blocks the text");
        }
        for (Facet facet : unjustifiedGaps()) {
            obstacles.add(facet.key() + " is released at " + released.get(facet).name() + ", below the ceiling "
                    + effectiveCeiling.of(facet).name() + ", without a justification");
        }
        return obstacles;
    }

    public boolean isApprovable() {
        return obstacles().isEmpty();
    }
}
