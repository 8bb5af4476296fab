package io.forewarn.web.openapi;

import io.forewarn.obligation.Waiver;
import io.forewarn.review.FindingCode;
import io.forewarn.policy.WaiverReason;
import io.forewarn.policy.Role;
import io.forewarn.json.Codes;
import io.forewarn.json.IncidentView;
import io.forewarn.json.WindowView;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** The OpenAPI schema of a scenario file ({@code scenario.ScenarioFile}), sent as YAML or JSON to be replayed. */
@Schema(name = "Scenario", description = "A scenario file as src/main/resources/scenarios/crocus-2024.yaml writes one; "
        + "times are local to its timezone unless they carry an offset; unknown keys are refused.")
public record ScenarioSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String scenario,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Europe/Moscow") String timezone,
                      List<String> sources,
                      @Schema(description = "simulated human delays of as-policy mode") Delays delays,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PartySchema> parties,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Event> events,
                      @Schema(description = "per mode (as-recorded, as-policy), exactly the findings the review must produce")
                      Map<String, List<ExpectedFinding>> expect) {

    @Schema(name = "ScenarioDelays", description = "ISO-8601 durations")
    record Delays(String drafting, String approval, String delivery, String acknowledgement) {
    }

    @Schema(name = "ScenarioEvent", description = "At a time, exactly one of report, countermeasure, warning, delivery, "
            + "acknowledgement, waiver, incident")
    record Event(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String at, RequestSchemas.Report report,
                 String countermeasure, RecordedWarning warning, RecordedDelivery delivery,
                 RecordedAcknowledgement acknowledgement, RecordedWaiver waiver,
                 @Schema(description = "an incident as recorded; its id defaults to incident-N and its time is the event's")
                 IncidentView incident) {
    }

    @Schema(name = "ScenarioWarning", description = "A warning as it was given")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record RecordedWarning(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "party ids") List<String> to,
                           @Schema(description = "the report it answers, if not the latest") String report,
                           @Schema(example = "PT48H") String validFor,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) FacetValuesSchema released,
                           String text, WindowView window, FacetValuesSchema justifications, Boolean synthetic) {
    }

    @Schema(name = "ScenarioDelivery", description = "A warning as it reached its parties")
    record RecordedDelivery(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "party ids") List<String> to,
                            @Schema(description = "the report it answers, if not the latest") String report,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "refused if the report's protected material shows through it")
                            String channel, Boolean synthetic) {
    }

    @Schema(name = "ScenarioAcknowledgement", description = "Parties acknowledging the warning they were given")
    record RecordedAcknowledgement(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "party ids")
                                   List<String> by,
                                   @Schema(description = "the report it answers, if not the latest") String report,
                                   Boolean synthetic) {
    }

    @Schema(name = "ScenarioWaiver", description = "A waiver as it was granted")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record RecordedWaiver(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String party, String report,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(WaiverReason.class) String reason,
                          @Schema(description = "not-warned when left out") @Codes(Waiver.Scope.class) String scope,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String requestedBy,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(Role.class) String approvedBy,
                          String alternative, Boolean synthetic) {
    }

    @Schema(name = "ExpectedFinding")
    record ExpectedFinding(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(FindingCode.class) String finding,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String party) {
    }
}
