package io.forewarn.web.api;

import io.forewarn.json.ObligationView;
import io.forewarn.json.ReportView;
import io.forewarn.obligation.NearMatch;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Slice;
import io.forewarn.party.NamedTarget;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceReader;
import io.forewarn.report.Harm;
import io.forewarn.report.TimeWindow;
import io.forewarn.yaml.YamlMap;
import io.forewarn.report.ReportReader;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeReader;
import io.forewarn.server.CaseDesk;
import io.forewarn.server.ServerSettings;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.problem.NotFound;
import io.forewarn.web.security.Caller;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Threat reports: an analyst enters them; the people who work the case, and oversight, read them. */
@Tag(name = "reports", description = "Threat reports: what was learned, and the obligations it opened")
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private final CaseDesk desk;
    private final ServerSettings settings;

    ReportController(CaseDesk desk, ServerSettings settings) {
        this.desk = desk;
        this.settings = settings;
    }

    /**
     * Receives a report, written as in a scenario file (times with an offset, or local to the
     * agency's zone). It is received now; the policy decides whether it obliges warnings, and the
     * answer lists the obligations it opened.
     */
    @Operation(operationId = "receiveReport", summary = "Receive a report",
            description = "A report as a scenario file writes one; it is received now, and the answer lists the "
                    + "obligations the policy opened for it, and warnings: a facet that states the report's own "
                    + "protected material is flagged (report.protected-in-facets). A report id is received once (409 again).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReceivedReport> receive(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RequestSchemas.Report.class))) @RequestBody byte[] body,
                                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        ThreatReport report = ReportReader.read(RequestBodies.document(body), desk.clock().instant(),
                new TimeReader(settings.zone()));
        // the answer is read in the transaction that received the report: one transaction a report, not two
        ReceivedReport answer = desk.change(duty -> {
            List<Obligation> opened = duty.receive(report, caller.name());
            // near matches are offered only for a named target: without one there is nothing to read
            List<NearMatch> near = NamedTarget.of(report).isPresent() ? duty.casebook().nearMatchesOf(report.id()) : List.of();
            return ReceivedReport.of(ReportView.of(report, duty.casebook().triage(report.id()), caller.reader(), near),
                    opened.stream().map(ObligationView::of).toList());
        });
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(answer);
    }

    /**
     * Revises a received report's place or threat window (or both) and resolves it again: a party it now
     * affects gets its obligation, one it no longer affects has its obligation closed as no-longer-affected.
     */
    @Operation(operationId = "reviseReport", summary = "Revise a report's place or threat window",
            description = "The place, the time window or both, as a report writes them; what is not given stays. The "
                    + "report is resolved again against the parties: those it now affects get their obligations, those "
                    + "it no longer affects have theirs (still awaiting a warning) closed as no-longer-affected.")
    @PostMapping(path = "/{id}/revision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReportView revise(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RequestSchemas.ReportRevision.class))) @RequestBody byte[] body,
                      Authentication authentication) {
        Caller caller = Caller.of(authentication);
        YamlMap revision = RequestBodies.document(body).asMap().allowOnly("place", "time");
        Optional<Place> place = revision.find("place").map(PlaceReader::read);
        Optional<TimeWindow> window = revision.find("time").map(new TimeReader(settings.zone())::window);
        ThreatReport revised = desk.change(duty -> {
            duty.casebook().report(id).orElseThrow(() -> new NotFound("no report " + id));
            return duty.revise(id, place, window, caller.name());
        });
        return ReportView.of(revised, desk.read(casebook -> casebook.triage(id)), caller.reader());
    }

    @Operation(operationId = "readReport", summary = "Read a report",
            description = "Redacted (redacted: true, no protected material or protected portions) for a role without "
                    + "need-to-know; for a role with it, the near matches of its named target (near-matches).")
    @GetMapping("/{id}")
    ReportView read(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return desk.read(casebook -> casebook.report(id)
                .map(report -> ReportView.of(report, casebook.triage(id), caller.reader(), casebook.nearMatchesOf(id)))
                .orElseThrow(() -> new NotFound("no report " + id)));
    }

    @Operation(operationId = "listReports", summary = "List reports", description = "Optionally of one harm.")
    /** One query per page: each report comes with its triage. */
    @GetMapping
    Page<ReportView> list(@RequestParam(required = false) String harm,
                          @RequestParam(required = false) String after,
                          @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
                          Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<Harm> wanted = Optional.ofNullable(harm).map(Harm::of);
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.reports(wanted, slice), size, received -> received.report().id(),
                received -> ReportView.of(received.report(), Optional.of(received.triage()), caller.reader())));
    }
}
