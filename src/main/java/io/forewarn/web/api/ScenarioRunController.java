package io.forewarn.web.api;

import io.forewarn.server.CaseDesk;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayDocument;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioFile;
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
@RestController
@RequestMapping("/api/v1/scenario-runs")
class ScenarioRunController {

    private final CaseDesk desk;

    ScenarioRunController(CaseDesk desk) {
        this.desk = desk;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> run(@RequestBody byte[] body, @RequestParam(defaultValue = "both") String mode,
                               @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        List<Mode> modes = modes(mode);
        Scenario scenario = ScenarioFile.parse(RequestBodies.SOURCE, RequestBodies.yamlOrJson(body, contentType));
        Replay replay = new Replay(scenario, desk.policy());
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
