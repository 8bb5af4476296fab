package io.forewarn.web.api;

import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.json.DeliveryView;
import io.forewarn.obligation.Slice;
import io.forewarn.party.ContactPointReader;
import io.forewarn.server.CaseDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Where each delivery stands in the outbox, with every attempt made to send it: a warning's, or every warning's in
 * one state (what liaison has still to carry, what was given up on).
 */
@Tag(name = "warnings")
@RestController
class DeliveriesController {

    private final CaseDesk desk;
    private final Outbox outbox;

    DeliveriesController(CaseDesk desk, Outbox outbox) {
        this.desk = desk;
        this.outbox = outbox;
    }

    @Operation(operationId = "listDeliveries", summary = "List a warning's deliveries",
            description = "One delivery per contact point of each party the warning moved, in the order they were "
                    + "enqueued (with the warning's issue), each with its attempts; optionally in one state.")
    @GetMapping("/api/v1/warnings/{id}/deliveries")
    Page<DeliveryView> list(@PathVariable String id,
                            @Parameter(schema = @Schema(allowableValues = {"queued", "in-flight", "sent", "dead-lettered"}))
                            @RequestParam(required = false) String state,
                            @RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Optional<DeliveryState> wanted = Optional.ofNullable(state).map(DeliveryState::of);
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> {
            Found.warning(casebook, id);
            return Page.of(outbox.ofWarning(id, wanted, slice), size, OutboxEntry::id, DeliveryView::of);
        });
    }

    @Operation(operationId = "listDeliveriesInState", summary = "List the deliveries in one state, across warnings",
            description = "Every warning's deliveries in one state, optionally over one channel, in the order they were "
                    + "enqueued, each with its attempts. state=queued&channel=liaison is what liaison has still to carry "
                    + "(warnings, and withdrawals of cancelled warnings it carried); state=dead-lettered is every "
                    + "delivery given up on.")
    @GetMapping("/api/v1/deliveries")
    Page<DeliveryView> inState(@Parameter(required = true,
                                       schema = @Schema(allowableValues = {"queued", "in-flight", "sent", "dead-lettered"}))
                               @RequestParam String state,
                               @Parameter(schema = @Schema(allowableValues = {"email", "webhook", "cap-feed", "liaison"}))
                               @RequestParam(required = false) String channel,
                               @RequestParam(required = false) String after,
                               @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        DeliveryState wanted = DeliveryState.of(state);
        if (channel != null && !ContactPointReader.KINDS.contains(channel)) {
            throw new IllegalArgumentException("channel must be one of " + String.join(", ", ContactPointReader.KINDS)
                    + ", not " + channel);
        }
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(outbox.inState(wanted, Optional.ofNullable(channel), slice), size,
                OutboxEntry::id, DeliveryView::of));
    }
}
