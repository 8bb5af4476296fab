package io.forewarn.web.api;

import io.forewarn.json.ObligationView;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.security.Caller;
import io.forewarn.obligation.Obligation;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Liaison records that an issued warning reached its party, and that the party acknowledged it. */
@RestController
@RequestMapping("/api/v1/obligations/{report}/{party}")
class DeliveryController {

    private final CaseDesk desk;

    DeliveryController(CaseDesk desk) {
        this.desk = desk;
    }

    /** Records a delivery over {@code {channel}}; the answer is the obligation. */
    @PostMapping(path = "/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObligationView deliver(@PathVariable String report, @PathVariable String party, @RequestBody byte[] body,
                                Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String channel = RequestBodies.document(body).asMap().allowOnly("channel").string("channel");
        Obligation delivered = desk.change(duty -> {
            Obligation obligation = Found.obligation(duty.casebook(), report, party);
            return duty.deliver(obligation.id(), caller.name(),
                    FreeText.checked(duty.casebook(), report, "channel", channel));
        });
        return ObligationView.of(delivered);
    }

    /** Records the party's acknowledgement; the answer is the obligation. */
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
