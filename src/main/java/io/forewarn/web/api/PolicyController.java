package io.forewarn.web.api;

import io.forewarn.policy.PolicyBook;
import io.forewarn.web.problem.NotFound;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyVersions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy in force and every earlier version, as the YAML it was loaded from. */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyController {

    private final PolicyBook policies;

    PolicyController(PolicyBook policies) {
        this.policies = policies;
    }

    @GetMapping
    Map<String, Object> active() {
        int version = policies.active().version();
        return view(policies.versions().stream().filter(v -> v.version() == version).findFirst().orElseThrow());
    }

    @GetMapping("/versions")
    List<Map<String, Object>> versions() {
        return policies.versions().stream().map(PolicyController::view).toList();
    }

    @GetMapping("/versions/{version}")
    Map<String, Object> version(@PathVariable int version) {
        return policies.versions().stream().filter(v -> v.version() == version).findFirst()
                .map(PolicyController::view)
                .orElseThrow(() -> new NotFound("no policy version " + version));
    }

    /** Uploads a new version (YAML, or JSON of the same shape); it must be valid and numbered above the one in force. */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> upload(@RequestBody byte[] body,
                                               @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        Policy policy = policies.upload(RequestBodies.yamlOrJson(body, contentType));
        return ResponseEntity.created(URI.create("/api/v1/policy/versions/" + policy.version()))
                .body(version(policy.version()));
    }

    private static Map<String, Object> view(PolicyVersions.Stored stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", stored.version());
        view.put("loaded-at", stored.loadedAt().toString());
        view.put("source", stored.source());
        return view;
    }
}
