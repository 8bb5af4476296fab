package io.forewarn.web.api;

import io.forewarn.incident.Incident;
import io.forewarn.incident.IncidentReader;
import io.forewarn.json.IncidentView;
import io.forewarn.json.ReviewView;
import io.forewarn.place.Gazetteer;
import io.forewarn.policy.Policy;
import io.forewarn.report.TimeReader;
import io.forewarn.review.AfterActionReview;
import io.forewarn.server.CaseDesk;
import io.forewarn.server.ServerSettings;
import io.forewarn.web.security.Caller;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import io.forewarn.obligation.Slice;

import java.util.ArrayList;
import java.util.List;

/**
 * Incidents, and the after-action review of each: built when it is asked for, under the policy in
 * force, from everything the case knew and did before the incident.
 */
@Tag(name = "incidents", description = "Incidents, and the after-action review of each")
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final CaseDesk desk;
    private final ServerSettings settings;
    private final Gazetteer gazetteer;

    IncidentController(CaseDesk desk, ServerSettings settings, Gazetteer gazetteer) {
        this.desk = desk;
        this.settings = settings;
        this.gazetteer = gazetteer;
    }

    /**
     * An incident as a scenario file writes one under {@code incident:}, with a required id and its
     * time in the body. It is recorded once it has happened, so a time still to come is refused.
     */
    private Incident read(YamlValue body) {
        List<String> keys = new ArrayList<>(IncidentReader.FIELDS);
        keys.addAll(List.of("id", "at"));
        YamlMap map = body.asMap().allowOnly(keys);
        YamlValue at = map.get("at");
        Instant when = new TimeReader(settings.zone()).instant(at);
        if (when.isAfter(desk.clock().instant())) {
            throw at.problem("an incident is recorded once it has happened; this time is still to come");
        }
        return IncidentReader.read(map, map.string("id"), when);
    }

    /** Records an incident, written as in a scenario file, with its id and time. */
    @Operation(operationId = "recordIncident", summary = "Record an incident",
            description = "As a scenario file writes one under incident:, with its id and its time (at); a time still to "
                    + "come is refused, and an id already recorded is 409.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentView> record(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentView.class))) @RequestBody byte[] body,
                                        Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Incident incident = read(RequestBodies.document(body));
        desk.change(duty -> {
            if (duty.casebook().incident(incident.id()).isPresent()) {
                throw new IllegalStateException("incident " + incident.id() + " is already recorded");
            }
            duty.recordIncident(incident, caller.name());
            return incident;
        });
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(IncidentView.of(incident));
    }

    @Operation(operationId = "listIncidents", summary = "List incidents")
    @GetMapping
    Page<IncidentView> list(@RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.incidents(slice), size, Incident::id, IncidentView::of));
    }

    @Operation(operationId = "readIncident", summary = "Read an incident")
    @GetMapping("/{id}")
    IncidentView read(@PathVariable String id) {
        return desk.read(casebook -> IncidentView.of(Found.incident(casebook, id)));
    }

    /** The after-action review of the incident under the policy in force now. */
    @Operation(operationId = "reviewIncident", summary = "The after-action review of an incident",
            description = "Built on request, under the policy in force now.")
    @GetMapping("/{id}/review")
    ReviewView review(@PathVariable String id) {
        Policy policy = desk.policy();
        return desk.read(casebook -> ReviewView.of(
                new AfterActionReview(casebook, policy, settings.zone(), gazetteer).review(Found.incident(casebook, id)),
                policy.version(), casebook::report));
    }
}
