package io.forewarn.dissemination.webhook;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.WrittenChannel;
import io.forewarn.party.ContactPoint;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * A webhook delivery as a replay writes it: the signed request the webhook channel would have sent
 * ({@link WebhookRequest}, with the same body), stamped by the replay's clock, as {@code webhook/<warning>-<party>.http};
 * what went is the event ({@code webhook alert}).
 */
public final class WebhookFiles implements WrittenChannel.Rendering {

    private final WebhookBody body;
    private final Clock clock;

    public WebhookFiles(WebhookBody body, Clock clock) {
        this.body = Objects.requireNonNull(body, "body");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WrittenChannel.Written render(Delivery delivery) {
        WebhookRequest request = WebhookRequest.of(delivery, (ContactPoint.Webhook) delivery.to(), body.of(delivery),
                clock.instant().getEpochSecond());
        return new WrittenChannel.Written("webhook", delivery.warning().id() + "-" + delivery.partyId(), "http",
                request.http(), "webhook " + delivery.kind().name().toLowerCase(Locale.ROOT));
    }
}
