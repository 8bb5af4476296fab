package io.forewarn.web.api;

import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.webhook.WebhookSignature;
import io.forewarn.json.AcknowledgementView;
import io.forewarn.obligation.Obligation;
import io.forewarn.party.ContactPoint;
import io.forewarn.policy.Role;
import io.forewarn.server.Acknowledgements;
import io.forewarn.web.openapi.RequestSchemas;
import io.forewarn.web.problem.NotFound;
import io.forewarn.web.problem.Problems;
import io.forewarn.web.security.AccessRules;
import io.forewarn.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Set;

/**
 * A webhook receiver acknowledging a warning it was sent, by calling back with the delivery's id. It proves who it
 * is with Standard Webhooks headers signed with its endpoint's secret (the same secret Forewarn signs with); a liaison
 * officer may record the same with a login. The role matrix lets the request through without a login, and this
 * decides: a signature that does not verify with that delivery's secret, or a login without the liaison role, is
 * refused and changes nothing.
 */
@Tag(name = "obligations")
@RestController
class AcknowledgementController {

    private static final String PATH = "/api/v1/acknowledgements";

    /**
     * The real time, not the server's clock: a receiver signs with its own clock, so the five minutes a signature's
     * timestamp may be off are counted in real time even on a server running with {@code forewarn.clock-offset}.
     */
    private final Clock realTime = Clock.systemUTC();
    private final Acknowledgements acknowledgements;

    AcknowledgementController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @Operation(operationId = "acknowledgeDelivery", summary = "Acknowledge a delivered warning by its delivery id",
            description = "Authenticated either by Standard Webhooks 1.0 headers (webhook-id, webhook-timestamp, "
                    + "webhook-signature) signed with the secret of the webhook endpoint the delivery went to, or by a "
                    + "login with the liaison role. Moves the obligation to acknowledged (recording it delivered first "
                    + "if the outbox has not yet); the ledger names the party and channel (party:ID via webhook) or the "
                    + "login.")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> acknowledge(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RequestSchemas.Acknowledgement.class))) @RequestBody byte[] body,
                                  @RequestHeader HttpHeaders headers, Authentication authentication) {
        String deliveryId = RequestBodies.document(body).asMap().allowOnly("delivery").string("delivery");
        boolean loggedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        String signature = headers.getFirst(WebhookSignature.SIGNATURE);
        if (!loggedIn && signature == null) {
            return unauthenticated("sign the request with Standard Webhooks headers and the secret of the webhook the "
                    + "delivery went to, or log in with the liaison role");
        }
        if (loggedIn && Caller.of(authentication).roles().stream().noneMatch(mayAcknowledge()::contains)) {
            throw new AccessDeniedException("acknowledging for a party takes the liaison role");
        }
        DeliveryRecords.Addressed delivery = acknowledgements.delivery(deliveryId)
                .orElseThrow(() -> new NotFound("no delivery " + deliveryId));
        String actor;
        if (loggedIn) {
            actor = authentication.getName();
        } else if (delivery.to() instanceof ContactPoint.Webhook webhook && WebhookSignature.verifies(webhook.key(),
                headers.getFirst(WebhookSignature.ID), headers.getFirst(WebhookSignature.TIMESTAMP), signature, body,
                realTime.instant())) {
            actor = Acknowledgements.actor(delivery);
        } else {
            return unauthenticated("the webhook signature does not verify with the secret of the endpoint delivery "
                    + deliveryId + " went to (or its timestamp is more than five minutes off)");
        }
        Obligation acknowledged = acknowledgements.byCallback(delivery, actor);
        return ResponseEntity.ok(AcknowledgementView.of(deliveryId, acknowledged));
    }

    /** The roles whose logins may acknowledge for a party, from the one role matrix. */
    private static Set<Role> mayAcknowledge() {
        return AccessRules.of(HttpMethod.POST, PATH).map(AccessRules.Access::roles).orElse(Set.of());
    }

    private static ResponseEntity<?> unauthenticated(String detail) {
        return Problems.response(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", detail));
    }
}
