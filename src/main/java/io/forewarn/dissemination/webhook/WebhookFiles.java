package io.forewarn.dissemination.webhook;

import io.forewarn.dissemination.Artefacts;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.party.ContactPoint;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * The webhook channel of a replay: it writes the signed request the webhook channel would have sent
 * ({@link WebhookRequest}, with the same body) as {@code webhook/<warning>-<party>.http}, stamped by the replay's
 * clock, and sends nothing. Its receipt says what went and where it was written: {@code webhook alert,
 * webhook/W-3-ru-authorities.http}.
 */
public final class WebhookFiles implements Channel {

    private final WebhookBody body;
    private final Artefacts out;
    private final Clock clock;

    public WebhookFiles(WebhookBody body, Artefacts out, Clock clock) {
        this.body = Objects.requireNonNull(body, "body");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        if (!(delivery.to() instanceof ContactPoint.Webhook webhook)) {
            return SendOutcome.Failed.permanent("the webhook channel sends to webhook endpoints, not to a "
                    + delivery.to().kind() + " contact point");
        }
        WebhookRequest request = WebhookRequest.of(delivery, webhook, body.of(delivery), clock.instant().getEpochSecond());
        String path = out.put("webhook", delivery.warning().id() + "-" + delivery.partyId(), "http", request.http());
        return new SendOutcome.Sent("webhook " + delivery.kind().name().toLowerCase(Locale.ROOT) + ", " + path);
    }
}
