package io.forewarn.web.api;

import io.forewarn.json.WaiverView;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.WaiverRules;
import io.forewarn.obligation.WaiverTerms;
import io.forewarn.policy.Policy;
import io.forewarn.policy.Role;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.RequestSchemas;
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
import java.util.Optional;

/**
 * Waivers: a request not to warn a party (or to warn it less specifically) citing an allowed
 * reason, and its approval or rejection. Which role approves which reason, and that nobody decides
 * their own request, is the policy's and the workflow's to say.
 */
@Tag(name = "waivers", description = "Requests not to warn, or to warn less specifically, and their decision")
@RestController
@RequestMapping("/api/v1")
class WaiverController {

    private final CaseDesk desk;

    WaiverController(CaseDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "requestWaiver", summary = "Ask for a waiver of an obligation")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/obligations/{report}/{party}/waivers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WaiverView> request(@PathVariable String report, @PathVariable String party,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Waiver.class))) @RequestBody byte[] body,
                                       Authentication authentication) {
        Caller caller = Caller.of(authentication);
        WaiverTerms request = WaiverTerms.read(RequestBodies.document(body).asMap().allowOnly(WaiverTerms.KEYS));
        Waiver waiver = desk.change(duty -> {
            Obligation obligation = Found.obligation(duty.casebook(), report, party);
            Optional<String> alternative = request.alternative()
                    .map(text -> FreeText.checked(duty.casebook(), report, "alternative", text));
            return duty.requestWaiver(obligation.id(), request.reason(), request.scope(), caller.name(),
                    caller.actingAs(Role::mayRequestWaivers), alternative);
        });
        return ResponseEntity.created(URI.create("/api/v1/waivers/" + waiver.id())).body(WaiverView.of(waiver));
    }

    /** Approves a waiver, with an optional {@code {note}}. */
    @Operation(operationId = "approveWaiver", summary = "Approve a waiver",
            description = "In a role the policy names for the waiver's reason; nobody decides their own request (409).")
    @PostMapping("/waivers/{id}/approve")
    WaiverView approve(@PathVariable String id,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Note.class))) @RequestBody(required = false) byte[] body,
                                Authentication authentication) {
        return WaiverView.of(decide(id, true, body, Caller.of(authentication)));
    }

    /** Rejects a waiver, with an optional {@code {note}}; the obligation goes back to open. */
    @Operation(operationId = "rejectWaiver", summary = "Reject a waiver", description = "The obligation goes back to open.")
    @PostMapping("/waivers/{id}/reject")
    WaiverView reject(@PathVariable String id,
                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Note.class))) @RequestBody(required = false) byte[] body,
                               Authentication authentication) {
        return WaiverView.of(decide(id, false, body, Caller.of(authentication)));
    }

    @Operation(operationId = "listWaivers", summary = "List waivers", description = "Optionally of one obligation (REPORT/PARTY).")
    @GetMapping("/waivers")
    Page<WaiverView> list(@RequestParam(required = false) String obligation,
                          @RequestParam(required = false) String after,
                          @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.waivers(Optional.ofNullable(obligation), slice), size, Waiver::id,
                WaiverView::of));
    }

    @Operation(operationId = "readWaiver", summary = "Read a waiver")
    @GetMapping("/waivers/{id}")
    WaiverView read(@PathVariable String id) {
        return desk.read(casebook -> WaiverView.of(Found.waiver(casebook, id)));
    }

    private Waiver decide(String id, boolean approve, byte[] body, Caller caller) {
        String note = RequestBodies.optionalNote(body);
        return desk.change(duty -> {
            Waiver waiver = Found.waiver(duty.casebook(), id);
            String reportId = duty.casebook().obligation(waiver.obligationId()).orElseThrow().reportId();
            String checked = note.isEmpty() ? note : FreeText.checked(duty.casebook(), reportId, "note", note);
            return duty.decideWaiver(id, approve, caller.name(), decidingRole(caller, waiver, duty.policy()), checked);
        });
    }

    /**
     * The approving role the caller decides in: of those it holds, one the policy accepts for the
     * waiver's reason if there is one, so that someone who is both approver and director acts as
     * director where the policy asks for one.
     */
    private static Role decidingRole(Caller caller, Waiver waiver, Policy policy) {
        return caller.roles().stream()
                .filter(Role::mayApprove)
                .filter(role -> WaiverRules.APPROVER_ROLE.refusal(waiver, caller.name(), role, policy).isEmpty())
                .findFirst()
                .orElseGet(() -> caller.actingAs(Role::mayApprove));
    }
}
