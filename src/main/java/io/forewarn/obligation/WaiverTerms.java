package io.forewarn.obligation;

import io.forewarn.policy.WaiverReason;
import io.forewarn.yaml.YamlMap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a waiver asks for: the reason it cites, what it excuses, and what was done instead. A request
 * to the API and a waiver recorded in a scenario file carry the same terms, read by this one reader.
 *
 * @param alternative what was done instead (e.g. "sanitized warning through liaison")
 */
public record WaiverTerms(WaiverReason reason, Waiver.Scope scope, Optional<String> alternative) {

    /** The keys of the terms: {@code reason}, {@code scope} and {@code alternative}. */
    public static final List<String> KEYS = List.of("reason", "scope", "alternative");

    public WaiverTerms {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(alternative, "alternative");
    }

    /** The terms in {@code map} (which the caller has limited to its keys); {@code scope} is required. */
    public static WaiverTerms read(YamlMap map) {
        return new WaiverTerms(map.get("reason").as(WaiverReason::of), map.get("scope").as(Waiver.Scope::of),
                map.optionalString("alternative"));
    }

    /** The terms in {@code map}, where a {@code scope} not given is {@code whenNotGiven}. */
    public static WaiverTerms read(YamlMap map, Waiver.Scope whenNotGiven) {
        return new WaiverTerms(map.get("reason").as(WaiverReason::of),
                map.find("scope").map(scope -> scope.as(Waiver.Scope::of)).orElse(whenNotGiven),
                map.optionalString("alternative"));
    }
}
