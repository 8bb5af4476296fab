package io.forewarn.web.api;

import io.forewarn.json.DraftView;
import io.forewarn.json.WarningView;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.Warning;
import io.forewarn.policy.Role;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.forewarn.web.openapi.Problem;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;

/**
 * Drafts of warnings: an analyst drafts one per audience of a report, a second person with an
 * approving role approves it, and it is issued as a warning; until it is issued it can be cancelled.
 */
@Tag(name = "drafts", description = "Drafts of warnings: draft, approve (a second person), issue, cancel")
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
    @Operation(operationId = "draftWarning", summary = "Draft the warning to one audience of a report")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/reports/{report}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftView> draft(@PathVariable String report, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Draft.class))) @RequestBody byte[] body,
                                              Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftRequest request = DraftRequest.read(RequestBodies.document(body));
        DraftRecord draft = desk.change(duty -> {
            Found.report(duty.casebook(), report);
            return duty.draft(report, request.audience(), request.lowered(), request.justifications(), caller.name());
        });
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + draft.id())).body(DraftView.of(draft, caller.reader()));
    }

    @Operation(operationId = "listDrafts", summary = "List drafts", description = "Optionally of one report, in one status.")
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

    @Operation(operationId = "readDraft", summary = "Read a draft",
            description = "A draft the leak check blocks has its text withheld (text-withheld: true) from a role without "
                    + "need-to-know, and its matches named only by kind and number.")
    @GetMapping("/drafts/{id}")
    DraftView read(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return desk.read(casebook -> DraftView.of(Found.draft(casebook, id), caller.reader()));
    }

    /**
     * Replaces the wording of one language of a draft before approval; the leak check and the specificity
     * score run again, and the edit is on the timeline with its author.
     */
    @Operation(operationId = "editDraftText", summary = "Edit the wording of a draft before approval",
            description = "Replaces the text of one language (English when none is named). The leak check reads it: a "
                    + "text through which protected material shows is refused (422, naming the check and each item's kind "
                    + "and number, never the item). The levels the new text still states are scored again, so a fact it "
                    + "drops lowers the specificity and needs a justification before approval. A draft that is approved, "
                    + "issued or withdrawn cannot be edited (409).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the edited draft"),
                    @ApiResponse(responseCode = "409", description = "The draft is approved, issued or withdrawn",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "422", description = "The leak check refuses the text",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = Problem.class)))})
    @PutMapping(path = "/drafts/{id}/text", consumes = MediaType.APPLICATION_JSON_VALUE)
    DraftView editText(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.DraftText.class))) @RequestBody byte[] body,
                       Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftTextRequest request = DraftTextRequest.read(RequestBodies.document(body));
        DraftRecord edited = desk.change(duty -> {
            Found.draft(duty.casebook(), id);
            return duty.editText(id, request.language(), request.text(), request.justifications(), caller.name());
        });
        return DraftView.of(edited, caller.reader());
    }

    /** Approves a draft; the drafter cannot approve their own, and a draft with obstacles is refused. */
    @Operation(operationId = "approveDraft", summary = "Approve a draft",
            description = "By a second person: the drafter cannot approve their own, and a draft with obstacles is refused (409).")
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
    @Operation(operationId = "issueDraft", summary = "Issue an approved draft as a warning")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/drafts/{id}/issue")
    ResponseEntity<WarningView> issue(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Warning warning = desk.change(duty -> {
            Found.draft(duty.casebook(), id);
            return duty.issue(id, caller.name());
        });
        return ResponseEntity.created(URI.create("/api/v1/warnings/" + warning.id())).body(WarningView.of(warning));
    }

    @Operation(operationId = "cancelDraft", summary = "Withdraw a draft that is not issued")
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
