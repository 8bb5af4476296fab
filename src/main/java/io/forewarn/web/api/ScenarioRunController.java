package io.forewarn.web.api;

import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.server.WrittenChannels;
import io.forewarn.scenario.ReplayDocument;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioFile;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.ReplaySchema;
import io.forewarn.web.openapi.ScenarioSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Replays a scenario file under a simulated clock, as {@code forewarn scenario run --json} does, and
 * answers with the same document. The replay runs in memory under the policy in force and never
 * touches the casebook.
 */
@Tag(name = "scenario-runs", description = "Replays of scenario files, in memory")
@RestController
@RequestMapping("/api/v1/scenario-runs")
class ScenarioRunController {

    private final CaseDesk desk;

    ScenarioRunController(CaseDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "runScenario", summary = "Replay a scenario file",
            description = "YAML or JSON; replayed in memory under the policy in force, never touching the case. The answer "
                    + "is the document of 'forewarn scenario run --json'.")
    @ApiResponse(responseCode = "200", description = "The replay", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReplaySchema.class)))
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> run(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = ScenarioSchema.class)),
            @Content(mediaType = "application/x-yaml", schema = @Schema(implementation = ScenarioSchema.class)),
            @Content(mediaType = "text/yaml", schema = @Schema(implementation = ScenarioSchema.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(implementation = ScenarioSchema.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ScenarioSchema.class))})
                               @RequestBody byte[] body,
                               @Parameter(schema = @Schema(allowableValues = {"as-recorded", "as-policy", "both"}))
                               @RequestParam(defaultValue = "both") String mode,
                               @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        List<Mode> modes = modes(mode);
        Scenario scenario = ScenarioFile.parse(RequestBodies.SOURCE, RequestBodies.yamlOrJson(body, contentType));
        // sent as the command line sends it, so the answer is the document of scenario run --json; the files are not kept
        Replay replay = new Replay(scenario, desk.policy()).sendingThrough(new WrittenChannels(scenario.timezone()));
        List<ReplayResult> runs = modes.stream().map(replay::run).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ReplayDocument.toJson(scenario, runs).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Mode> modes(String mode) {
        return switch (mode) {
            case "as-recorded" -> List.of(Mode.AS_RECORDED);
            case "as-policy" -> List.of(Mode.AS_POLICY);
            case "both" -> List.of(Mode.AS_RECORDED, Mode.AS_POLICY);
            default -> throw new IllegalArgumentException("mode must be as-recorded, as-policy or both, not '" + mode + "'");
        };
    }
}
