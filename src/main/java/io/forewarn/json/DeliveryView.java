package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.dissemination.OutboxEntry;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * One delivery of a warning to one contact point of one party, and each attempt made to send it. The address
 * is the contact point's, need-to-know like the party; a webhook's secret is never shown.
 *
 * @param id       the stable id its receiver was sent (a webhook's {@code webhook-id}), the same on every attempt
 * @param kind     alert, update (a renewal) or cancel
 * @param state    queued, in-flight, sent or dead-lettered
 * @param dueAt    queued: when it is next tried; in flight: when the claim on it runs out
 * @param attempts the attempts settled, oldest first
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record DeliveryView(String id, String kind, String warning, String obligation, String party, String channel,
                           String address, String state, String enqueuedAt, String dueAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String sentAt, List<AttemptView> attempts) {

    /** One attempt: its number (from 1), when, what came of it (sent, failed, dead-lettered), the receipt or reason. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record AttemptView(int number, String at, String outcome, String detail) {
    }

    public static DeliveryView of(OutboxEntry entry) {
        return new DeliveryView(entry.id(), entry.kind().name().toLowerCase(java.util.Locale.ROOT), entry.warningId(),
                entry.obligationId(), entry.partyId(), entry.channel(), entry.to().address(), entry.state().code(),
                entry.enqueuedAt().toString(), entry.dueAt().toString(), entry.sentAt().map(Object::toString).orElse(null),
                entry.history().stream().map(a -> new AttemptView(a.number(), a.at().toString(), a.outcome().code(),
                        a.detail())).toList());
    }
}
