package io.forewarn.web.api;

import io.forewarn.json.NearMatchView;
import io.forewarn.obligation.NearMatch;
import io.forewarn.obligation.Slice;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.forewarn.code.Coded;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Optional;

/**
 * Near matches of reports' named targets: parties whose name is near the target, offered to an analyst and never
 * taken as the target until one confirms it. Read and decided by roles with need-to-know only, since an offer sets
 * the party's name beside the report's target.
 */
@Tag(name = "near-matches", description = "Parties whose name is near a report's named target, for an analyst to decide")
@RestController
@RequestMapping("/api/v1/near-matches")
class NearMatchController {

    private final CaseDesk desk;

    NearMatchController(CaseDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "listNearMatches", summary = "List near matches",
            description = "Optionally of one report, and in one status (offered, confirmed, rejected).")
    @GetMapping
    Page<NearMatchView> list(@RequestParam(required = false) String report,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Optional<NearMatch.Status> wanted = Optional.ofNullable(status)
                .map(code -> Coded.of("near-match status", Arrays.asList(NearMatch.Status.values()), code));
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.nearMatches(Optional.ofNullable(report), wanted, slice), size,
                NearMatch::id, NearMatchView::of));
    }

    @Operation(operationId = "readNearMatch", summary = "Read a near match")
    @GetMapping("/{id}")
    NearMatchView read(@PathVariable String id) {
        return desk.read(casebook -> NearMatchView.of(found(casebook, id)));
    }

    /** Confirms a near match, with an optional {@code {note}}: the party is the target, and its obligation is opened. */
    @Operation(operationId = "confirmNearMatch", summary = "Confirm a near match",
            description = "The party is the report's named target: it is affected from now on, and its obligation is "
                    + "opened by this step (while the threat window is open). A decided near match is decided once (409).")
    @PostMapping("/{id}/confirm")
    NearMatchView confirm(@PathVariable String id,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Note.class))) @RequestBody(required = false) byte[] body,
                          Authentication authentication) {
        return NearMatchView.of(decide(id, true, body, Caller.of(authentication)));
    }

    /** Rejects a near match, with an optional {@code {note}}: the party is not the target, and is not offered again. */
    @Operation(operationId = "rejectNearMatch", summary = "Reject a near match",
            description = "The party is not the report's named target; it is not offered again for that report.")
    @PostMapping("/{id}/reject")
    NearMatchView reject(@PathVariable String id,
                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Note.class))) @RequestBody(required = false) byte[] body,
                         Authentication authentication) {
        return NearMatchView.of(decide(id, false, body, Caller.of(authentication)));
    }

    private NearMatch decide(String id, boolean confirm, byte[] body, Caller caller) {
        String note = RequestBodies.optionalNote(body);
        return desk.change(duty -> {
            NearMatch match = found(duty.casebook(), id);
            String checked = note.isEmpty() ? note : FreeText.checked(duty.casebook(), match.reportId(), "note", note);
            return confirm ? duty.confirmNearMatch(id, caller.name(), checked)
                    : duty.rejectNearMatch(id, caller.name(), checked);
        });
    }

    private static NearMatch found(io.forewarn.obligation.Casebook casebook, String id) {
        return Found.nearMatch(casebook, id);
    }
}
