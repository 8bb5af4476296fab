package io.forewarn.web.api;

import io.forewarn.json.PolicyVersionView;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyBook;
import io.forewarn.web.openapi.PolicySchema;
import io.forewarn.web.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The policy in force and every earlier version, as the YAML it was loaded from. */
@Tag(name = "policy", description = "The policy in force and every version kept")
@RestController
@RequestMapping("/api/v1/policy")
class PolicyController {

    private final PolicyBook policies;
    private final CaseDesk desk;

    PolicyController(PolicyBook policies, CaseDesk desk) {
        this.policies = policies;
        this.desk = desk;
    }

    @Operation(operationId = "readPolicy", summary = "The policy in force")
    @GetMapping
    PolicyVersionView active() {
        int version = policies.active().version();
        return PolicyVersionView.of(policies.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow());
    }

    @Operation(operationId = "listPolicyVersions", summary = "Every policy version kept, oldest first")
    @GetMapping("/versions")
    List<PolicyVersionView> versions() {
        return policies.versions().stream().map(PolicyVersionView::of).toList();
    }

    @Operation(operationId = "readPolicyVersion", summary = "One policy version")
    @GetMapping("/versions/{version}")
    PolicyVersionView version(@PathVariable int version) {
        return policies.versions().stream().filter(v -> v.version() == version).findFirst()
                .map(PolicyVersionView::of)
                .orElseThrow(() -> new NotFound("no policy version " + version));
    }

    /** Uploads a new version (YAML, or JSON of the same shape); it must be valid and numbered above the one in force. */
    @Operation(operationId = "uploadPolicy", summary = "Put a new policy version in force",
            description = "YAML (application/yaml, application/x-yaml, text/yaml, text/plain) or JSON of the same shape; "
                    + "it must be valid and numbered above the version in force.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<PolicyVersionView> upload(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = PolicySchema.class)),
            @Content(mediaType = "application/x-yaml", schema = @Schema(implementation = PolicySchema.class)),
            @Content(mediaType = "text/yaml", schema = @Schema(implementation = PolicySchema.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(implementation = PolicySchema.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PolicySchema.class))})
                                             @RequestBody byte[] body,
                                               @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                               Authentication authentication) {
        String source = RequestBodies.yamlOrJson(body, contentType);
        String login = Caller.of(authentication).name();
        // in the case desk's transaction, so the version stored and its ledger entry commit together
        Policy policy = desk.change(duty -> {
            Policy adopted = policies.upload(source);
            duty.policyAdopted(adopted, login);
            return adopted;
        });
        return ResponseEntity.created(URI.create("/api/v1/policy/versions/" + policy.version()))
                .body(version(policy.version()));
    }
}
