package io.forewarn.web.api;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What an analyst asks to draft: {@code {audience, lowered?: {facet: level}, justifications?: {facet:
 * code}}}. Leak-check and not-stated are the sanitizer's own justifications, recorded when it steps a
 * facet down itself; a person lowering a facet gives one of the others.
 */
record DraftRequest(Audience audience, Map<Facet, Level> lowered, Map<Facet, Justification> justifications) {

    private static final Set<Justification> THE_SANITIZERS = Set.of(Justification.LEAK_CHECK, Justification.NOT_STATED);

    static DraftRequest read(YamlValue body) {
        YamlMap map = body.asMap().allowOnly("audience", "lowered", "justifications");
        Audience audience = map.get("audience").as(Audience::new);
        Map<Facet, Level> lowered = new EnumMap<>(Facet.class);
        map.optionalMap("lowered").ifPresent(levels -> {
            for (YamlMap.Entry entry : levels.entries()) {
                Facet facet = entry.key().as(Facet::of);
                if (lowered.containsKey(facet)) {
                    throw entry.key().problem("facet '" + facet.key() + "' is listed twice");
                }
                lowered.put(facet, entry.value().as(facet::level));
            }
        });
        return new DraftRequest(audience, lowered, justifications(map));
    }

    /** The optional {@code justifications: {facet: code}} of a request; the sanitizer's own codes are refused. */
    static Map<Facet, Justification> justifications(YamlMap map) {
        Map<Facet, Justification> justifications = new EnumMap<>(Facet.class);
        map.optionalMap("justifications").ifPresent(codes -> {
            for (YamlMap.Entry entry : codes.entries()) {
                Justification justification = entry.value().as(Justification::of);
                if (THE_SANITIZERS.contains(justification)) {
                    throw entry.value().problem(justification.code() + " is recorded by the sanitizer itself; justify a "
                            + "lowered facet with sources-and-methods, detail-unconfirmed or waiver");
                }
                Facet facet = entry.key().as(Facet::of);
                if (justifications.containsKey(facet)) {
                    throw entry.key().problem("facet '" + facet.key() + "' is listed twice");
                }
                justifications.put(facet, justification);
            }
        });
        return justifications;
    }
}
