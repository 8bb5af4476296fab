package io.forewarn.report;

import io.forewarn.code.Coded;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension of a threat report that can be stated more or less precisely. Each facet has a
 * ladder of levels, most specific first, always ending in {@code none}.
 */
public enum Facet implements Coded {
    PLACE("place", List.of("site", "locality", "region", "country", "none")),
    TIME("time", List.of("exact", "day", "week", "month", "none")),
    TARGET("target", List.of("named", "class", "category", "none")),
    METHOD("method", List.of("specific", "generic", "none")),
    ACTOR("actor", List.of("named", "type", "none"));

    private final String key;
    private final List<Level> ladder;

    Facet(String key, List<String> names) {
        this.key = key;
        int top = names.size() - 1;
        this.ladder = names.stream()
                .map(name -> new Level(this, name, top - names.indexOf(name)))
                .toList();
    }

    /** The facet's name as written in policy and scenario files. */
    public String key() {
        return key;
    }

    /** The same as {@link #key()}. */
    @Override
    public String code() {
        return key;
    }

    /** The levels of this facet, most specific first; the last one is {@code none}. */
    public List<Level> ladder() {
        return ladder;
    }

    public Level top() {
        return ladder.get(0);
    }

    public Level none() {
        return ladder.get(ladder.size() - 1);
    }

    /**
     * The level of this facet with the given name, or an error that lists the valid names
     * ({@code unknown place level 'city'; expected one of: site, ...}).
     */
    public Level level(String name) {
        return Coded.of(key + " level", ladder, name);
    }

    /** An unmodifiable copy of a map keyed by facet, in ladder order (place, time, target, method, actor). */
    public static <V> Map<Facet, V> copyOf(Map<Facet, ? extends V> byFacet) {
        EnumMap<Facet, V> copy = new EnumMap<>(Facet.class);
        copy.putAll(byFacet);
        return Collections.unmodifiableMap(copy);
    }

    /** Like {@link #copyOf}, for levels: each level must be one of the facet it is given for. */
    public static Map<Facet, Level> levels(Map<Facet, Level> byFacet) {
        byFacet.forEach((facet, level) -> {
            if (level.facet() != facet) {
                throw new IllegalArgumentException(level + " is not a level of " + facet.key());
            }
        });
        return copyOf(byFacet);
    }

    public static Facet of(String key) {
        return Coded.of(Facet.class, "facet", key);
    }
}
