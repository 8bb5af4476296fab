package io.forewarn.web.openapi;

import io.forewarn.scenario.Mode;
import io.forewarn.json.Codes;
import io.forewarn.json.ObligationView;
import io.forewarn.json.ReportView;
import io.forewarn.json.ReviewView;
import io.forewarn.json.TimelineEntryView;
import io.forewarn.json.WaiverView;
import io.forewarn.json.WarningView;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The OpenAPI schema of the replay document ({@code scenario.ReplayDocument}), as {@code scenario run --json} prints it. */
@Schema(name = "ReplayDocument", description = "The replay of a scenario, built of the same views as the API; reports "
        + "carry no narrative and no protected material")
public record ReplaySchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String scenario,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String timezone,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> sources,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Run> runs) {

    @Schema(name = "ReplayRun")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Run(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(Mode.class) String mode,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer policyVersion,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ReportView> reports,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<TimelineEntryView> timeline,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObligationView> obligations,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<WarningView> warnings,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<WaiverView> waivers,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ReviewView> reviews,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Expectations expectations) {
    }

    @Schema(name = "ReplayExpectations")
    record Expectations(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean checked,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean met,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ScenarioSchema.ExpectedFinding> missing,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ScenarioSchema.ExpectedFinding> unexpected) {
    }
}
