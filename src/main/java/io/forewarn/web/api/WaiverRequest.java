package io.forewarn.web.api;

import io.forewarn.obligation.Waiver;
import io.forewarn.policy.WaiverReason;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.Optional;

/** A request for a waiver: {@code {reason, scope: not-warned | less-specific, alternative?}}. */
record WaiverRequest(WaiverReason reason, Waiver.Scope scope, Optional<String> alternative) {

    static WaiverRequest read(YamlValue body) {
        YamlMap map = body.asMap().allowOnly("reason", "scope", "alternative");
        return new WaiverRequest(map.get("reason").as(WaiverReason::of), map.get("scope").as(Waiver.Scope::of),
                map.optionalString("alternative"));
    }

}
