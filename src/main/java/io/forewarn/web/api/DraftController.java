package io.forewarn.web.api;

import io.forewarn.json.DraftView;
import io.forewarn.json.WarningView;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.security.Caller;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.Warning;
import io.forewarn.policy.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;

/**
 * Drafts of warnings: an analyst drafts one per audience of a report, a second person with an
 * approving role approves it, and it is issued as a warning; until it is issued it can be cancelled.
 */
@RestController
@RequestMapping("/api/v1")
class DraftController {

    private final CaseDesk desk;

    DraftController(CaseDesk desk) {
        this.desk = desk;
    }

    /**
     * Drafts the warning to one audience of a report, as specific as its ceiling allows, with any
     * facet lowered that the body names (each needing a justification before it can be approved).
     */
    @PostMapping(path = "/reports/{report}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftView> draft(@PathVariable String report, @RequestBody byte[] body,
                                              Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftRequest request = DraftRequest.read(RequestBodies.document(body));
        DraftRecord draft = desk.change(duty -> {
            Found.report(duty.casebook(), report);
            return duty.draft(report, request.audience(), request.lowered(), request.justifications(), caller.name());
        });
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + draft.id())).body(DraftView.of(draft, caller.reader()));
    }

    @GetMapping("/drafts")
    Page<DraftView> list(@RequestParam(required = false) String report,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) String after,
                         @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
                         Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<DraftRecord.Status> wanted = Optional.ofNullable(status).map(DraftRecord.Status::of);
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.drafts(Optional.ofNullable(report), wanted, slice), size,
                DraftRecord::id, d -> DraftView.of(d, caller.reader())));
    }

    @GetMapping("/drafts/{id}")
    DraftView read(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return desk.read(casebook -> DraftView.of(Found.draft(casebook, id), caller.reader()));
    }

    /** Approves a draft; the drafter cannot approve their own, and a draft with obstacles is refused. */
    @PostMapping("/drafts/{id}/approve")
    DraftView approve(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftRecord approved = desk.change(duty -> {
            Found.draft(duty.casebook(), id);
            return duty.approve(id, caller.name(), caller.actingAs(Role::mayApprove));
        });
        return DraftView.of(approved, caller.reader());
    }

    /** Issues an approved draft as the warning to the parties whose obligations can take it. */
    @PostMapping("/drafts/{id}/issue")
    ResponseEntity<WarningView> issue(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Warning warning = desk.change(duty -> {
            Found.draft(duty.casebook(), id);
            return duty.issue(id, caller.name());
        });
        return ResponseEntity.created(URI.create("/api/v1/warnings/" + warning.id())).body(WarningView.of(warning));
    }

    @PostMapping("/drafts/{id}/cancel")
    DraftView cancel(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftRecord cancelled = desk.change(duty -> {
            Found.draft(duty.casebook(), id);
            return duty.cancel(id, caller.name());
        });
        return DraftView.of(cancelled, caller.reader());
    }
}
