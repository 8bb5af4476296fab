package io.forewarn.json;

import io.forewarn.policy.PolicyVersions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A version of the policy: its number, when it was loaded, and the text (YAML or JSON) it was loaded from. */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PolicyVersionView(int version, String loadedAt, String source) {

    public static PolicyVersionView of(PolicyVersions.Stored stored) {
        return new PolicyVersionView(stored.version(), stored.loadedAt().toString(), stored.source());
    }
}
