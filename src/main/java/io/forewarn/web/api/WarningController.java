package io.forewarn.web.api;

import io.forewarn.json.DraftView;
import io.forewarn.json.WarningView;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.policy.Role;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.security.Caller;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.Warning;
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
import java.util.Optional;

/** Warnings as issued, the renewal of one that is about to expire while the threat lasts, and cancellation. */
@Tag(name = "warnings", description = "Warnings as issued, their renewal and their cancellation")
@RestController
@RequestMapping("/api/v1/warnings")
class WarningController {

    private final CaseDesk desk;

    WarningController(CaseDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "listWarnings", summary = "List warnings", description = "Optionally of one report, to one party.")
    @GetMapping
    Page<WarningView> list(@RequestParam(required = false) String report,
                           @RequestParam(required = false) String party,
                           @RequestParam(required = false) String after,
                           @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.warnings(Optional.ofNullable(report), Optional.ofNullable(party),
                slice), size, Warning::id, WarningView::of));
    }

    @Operation(operationId = "readWarning", summary = "Read a warning")
    @GetMapping("/{id}")
    WarningView read(@PathVariable String id) {
        return desk.read(casebook -> WarningView.of(Found.warning(casebook, id)));
    }

    /** Drafts the renewal of a warning; it is approved and issued like any draft. */
    @Operation(operationId = "draftRenewal", summary = "Draft the renewal of a warning",
            description = "The renewal is a draft, approved and issued like any other.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/renewal")
    ResponseEntity<DraftView> renew(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        DraftRecord renewal = desk.change(duty -> {
            Found.warning(duty.casebook(), id);
            return duty.draftRenewal(id, caller.name());
        });
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + renewal.id())).body(DraftView.of(renewal, caller.reader()));
    }

    /**
     * Cancels an issued warning with a reason: it is no longer in force, its obligations expire, and every contact
     * point it went to is sent a cancellation through the outbox, in this one transaction. The answer is the warning.
     */
    @Operation(operationId = "cancelWarning", summary = "Cancel an issued warning",
            description = "The warning is withdrawn at once by one approver or director (a cancellation releases "
                    + "nothing); its obligations move to expired, so while the threat lasts they read as uncovered "
                    + "until a renewal is issued; each contact point it was sent to gets a cancellation (CAP Cancel, "
                    + "an email, a webhook of kind cancel). A warning cancelled already, ended, or replaced by its "
                    + "renewal is 409.")
    @PostMapping(path = "/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    WarningView cancel(@PathVariable String id,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                               content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                       schema = @Schema(implementation = RequestSchemas.Cancellation.class)))
                       @RequestBody byte[] body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String reason = RequestBodies.document(body).asMap().allowOnly("reason").string("reason").strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("request body: the reason is blank; say why the warning is cancelled");
        }
        Warning cancelled = desk.change(duty -> {
            Warning warning = Found.warning(duty.casebook(), id);
            return duty.cancelWarning(warning.id(), FreeText.checked(duty.casebook(), warning.reportId(), "reason", reason),
                    caller.name(), caller.actingAs(Role::mayApprove));
        });
        return WarningView.of(cancelled);
    }
}
