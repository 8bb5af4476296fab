package io.forewarn.sanitize;

import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;

import java.util.EnumMap;
import java.util.Map;

/** Test fixture: release ceilings and released levels written as in the policy file, place first. */
public final class Ceilings {

    private Ceilings() {
    }

    /** E.g. {@code ceiling("locality", "day", "class", "generic", "type")}, the public's default ceiling. */
    public static ReleaseCeiling ceiling(String place, String time, String target, String method, String actor) {
        return new ReleaseCeiling(levels(place, time, target, method, actor));
    }

    public static Map<Facet, Level> levels(String place, String time, String target, String method, String actor) {
        Map<Facet, Level> levels = new EnumMap<>(Facet.class);
        levels.put(Facet.PLACE, Facet.PLACE.level(place));
        levels.put(Facet.TIME, Facet.TIME.level(time));
        levels.put(Facet.TARGET, Facet.TARGET.level(target));
        levels.put(Facet.METHOD, Facet.METHOD.level(method));
        levels.put(Facet.ACTOR, Facet.ACTOR.level(actor));
        return levels;
    }
}
