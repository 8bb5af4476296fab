package io.forewarn.web;

import io.forewarn.obligation.Waiver;
import io.forewarn.policy.WaiverReason;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.Optional;

/** A request for a waiver: {@code {reason, scope: not-warned | less-specific, alternative?}}. */
record WaiverRequest(WaiverReason reason, Waiver.Scope scope, Optional<String> alternative) {

    static WaiverRequest read(YamlValue body) {
        YamlMap map = body.asMap().allowOnly("reason", "scope", "alternative");
        return new WaiverRequest(map.get("reason").as(WaiverReason::of), map.get("scope").as(WaiverRequest::scope),
                map.optionalString("alternative"));
    }

    static Waiver.Scope scope(String code) {
        return switch (code) {
            case "not-warned" -> Waiver.Scope.NOT_WARNED;
            case "less-specific" -> Waiver.Scope.LESS_SPECIFIC;
            default -> throw new IllegalArgumentException("unknown scope '" + code + "' (not-warned, less-specific)");
        };
    }

    static String code(Waiver.Scope scope) {
        return scope == Waiver.Scope.NOT_WARNED ? "not-warned" : "less-specific";
    }
}
