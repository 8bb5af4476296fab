package io.forewarn.web.openapi;

import io.forewarn.policy.Role;
import io.forewarn.report.Harm;
import io.forewarn.json.Codes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** The OpenAPI schema of a policy file ({@code policy.PolicyFile}), uploaded as YAML or JSON. */
@Schema(name = "Policy", description = "A duty-to-warn policy as src/main/resources/policy/default-policy.yaml writes it; "
        + "every key is required unless marked optional, and unknown keys are refused. Durations are ISO-8601.")
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PolicySchema(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                description = "above the version in force") Integer version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the harms that create a duty to warn")
        @Codes(Harm.class) List<String> harms,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, oneOf = {String.class, Credibility.class},
                description = "an Admiralty code such as D4, or {reliability, credibility}") Object minCredibility,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Deadlines deadlines,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "each audience's release ceiling")
        Map<String, FacetValuesSchema> audiences,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "P7D") String validity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Renewal renewal,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "roles, in order")
        @Codes(Role.class) List<String> escalation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "by waiver reason")
        Map<String, WaiverRule> waivers) {

    @Schema(name = "PolicyCredibility")
    record Credibility(@Schema(pattern = "^[A-Fa-f]$") String reliability, @Schema(minimum = "1", maximum = "6") Integer credibility) {
    }

    @Schema(name = "PolicyDeadlines")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Deadlines(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT4H") String imminent,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT24H") @JsonProperty("default") String usual,
                     @Schema(description = "optional, default PT72H") String imminentWithin) {
    }

    @Schema(name = "PolicyRenewal")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Renewal(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT6H") String beforeExpiry) {
    }

    @Schema(name = "PolicyWaiverRule")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record WaiverRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(Role.class) String approver,
                      Boolean requiresAlternative) {
    }
}
