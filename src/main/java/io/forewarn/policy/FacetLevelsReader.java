package io.forewarn.policy;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a level for every facet, as in {@code {place: site, time: exact, target: named, method:
 * specific, actor: type}}: an audience's release ceiling in the policy, and what a recorded warning
 * released in a scenario. Every facet is required, because a ceiling silently missing one would be
 * read by someone as "anything goes" and by someone else as "nothing".
 */
public final class FacetLevelsReader {

    private static final List<String> FACET_KEYS = Arrays.stream(Facet.values()).map(Facet::key).toList();

    private FacetLevelsReader() {
    }

    public static Map<Facet, Level> read(YamlValue value) {
        YamlMap map = value.asMap().allowOnly(FACET_KEYS);
        EnumMap<Facet, Level> levels = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            if (!map.has(facet.key())) {
                throw map.problem("missing a level for " + facet.key() + " (every facet needs one: "
                        + String.join(", ", FACET_KEYS) + ")");
            }
            levels.put(facet, map.get(facet.key()).as(facet::level));
        }
        return levels;
    }
}
