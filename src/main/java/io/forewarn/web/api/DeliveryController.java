package io.forewarn.web.api;

import io.forewarn.json.ObligationView;
import io.forewarn.obligation.Obligation;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * Liaison records that an issued warning reached its party, that the party acknowledged it, and that the party was
 * told a cancelled warning is withdrawn.
 */
@Tag(name = "obligations")
@RestController
@RequestMapping("/api/v1/obligations/{report}/{party}")
class DeliveryController {

    private final CaseDesk desk;

    DeliveryController(CaseDesk desk) {
        this.desk = desk;
    }

    /** Records a delivery over {@code {channel}}; the answer is the obligation. */
    @Operation(operationId = "recordDelivery", summary = "Record that the issued warning reached its party")
    @PostMapping(path = "/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObligationView deliver(@PathVariable String report, @PathVariable String party,
                           @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Delivery.class))) @RequestBody byte[] body,
                                Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String channel = RequestBodies.document(body).asMap().allowOnly("channel").string("channel");
        Obligation delivered = desk.change(duty -> {
            Obligation obligation = Found.obligation(duty.casebook(), report, party);
            return duty.recordDelivery(obligation.id(), caller.name(),
                    FreeText.checked(duty.casebook(), report, "channel", channel));
        });
        return ObligationView.of(delivered);
    }

    /**
     * Records that the party was told its cancelled warning is withdrawn, over {@code {channel}}: what liaison carries
     * by hand where the outbox sends the other channels' cancellations. The answer is the obligation, unmoved.
     */
    @Operation(operationId = "recordWithdrawal", summary = "Record that the party was told its warning is withdrawn",
            description = "For the latest cancelled warning to the party under the report. Marks the obligation's queued "
                    + "liaison cancellations sent; the obligation stays as the cancellation left it. 409 when no warning "
                    + "to the party under the report was cancelled.")
    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObligationView withdraw(@PathVariable String report, @PathVariable String party,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestSchemas.Delivery.class))) @RequestBody byte[] body,
                            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String channel = RequestBodies.document(body).asMap().allowOnly("channel").string("channel");
        Obligation told = desk.change(duty -> {
            Obligation obligation = Found.obligation(duty.casebook(), report, party);
            return duty.deliverWithdrawal(obligation.id(), caller.name(),
                    FreeText.checked(duty.casebook(), report, "channel", channel));
        });
        return ObligationView.of(told);
    }

    /** Records the party's acknowledgement; the answer is the obligation. */
    @Operation(operationId = "recordAcknowledgement", summary = "Record that the party acknowledged the warning")
    @PostMapping("/acknowledgement")
    ObligationView acknowledge(@PathVariable String report, @PathVariable String party,
                                    Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Obligation acknowledged = desk.change(duty -> {
            Obligation obligation = Found.obligation(duty.casebook(), report, party);
            return duty.acknowledge(obligation.id(), caller.name());
        });
        return ObligationView.of(acknowledged);
    }
}
