package io.forewarn.scenario;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.InMemoryOutbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.language.Language;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher of an {@code as-policy} replay: it drains the outbox the workflow filled (through the server's
 * {@link io.forewarn.dissemination.OutboxListener}) once each delivery has waited the scenario's delivery delay, hands
 * each to its channel, and settles it as the server's dispatcher does: the attempt recorded, a party's first delivery
 * of its latest warning moving its obligation to delivered over that channel ({@code warning-delivered} by
 * {@code scheduler}), a refused one dead-lettered and the obligation escalated. A replay does not retry: its channels
 * write what they would have sent, which fails only for good.
 */
final class ReplayDispatcher {

    private final InMemoryOutbox outbox;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final DutyToWarn duty;
    private final Duration delay;

    ReplayDispatcher(InMemoryOutbox outbox, List<Channel> channels, DutyToWarn duty, Duration delay) {
        this.outbox = outbox;
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.duty = duty;
        this.delay = delay;
    }

    /** Whether a channel here sends a queued delivery of this warning to the party of this obligation. */
    boolean sends(Warning warning, String obligationId) {
        return outbox.entries().stream().anyMatch(entry -> entry.warningId().equals(warning.id())
                && entry.obligationId().equals(obligationId) && entry.state() == DeliveryState.QUEUED
                && channels.containsKey(entry.channel()));
    }

    /** One round at {@code now}: sends and settles every delivery queued at least the delivery delay ago. */
    void round(Instant now) {
        List<OutboxEntry> claimed = outbox.claim(now.minus(delay), channels.keySet(), Integer.MAX_VALUE, now);
        for (OutboxEntry entry : claimed) {
            Warning warning = duty.casebook().warning(entry.warningId()).orElseThrow();
            List<Language> languages = duty.casebook().party(entry.partyId()).map(Party::languages).orElse(List.of());
            SendOutcome outcome = channels.get(entry.channel()).send(
                    new Delivery(entry.id(), entry.kind(), warning, entry.partyId(), entry.to(), languages, entry.attempts()));
            if (outcome instanceof SendOutcome.Sent sent) {
                outbox.settle(entry, new OutboxEntry.Attempt(entry.attempts(), now, OutboxEntry.Attempt.Outcome.SENT,
                        sent.receipt()), DeliveryState.SENT, now);
                Obligation obligation = duty.casebook().obligation(entry.obligationId()).orElseThrow();
                if (obligation.allowedNext().contains(ObligationState.DELIVERED) && isLatest(warning, obligation)) {
                    duty.deliver(obligation.id(), DutyToWarn.SCHEDULER, entry.channel());
                }
            } else {
                SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
                outbox.settle(entry, new OutboxEntry.Attempt(entry.attempts(), now,
                        OutboxEntry.Attempt.Outcome.DEAD_LETTERED, failed.reason()), DeliveryState.DEAD_LETTERED, now);
                duty.deadLettered(entry.obligationId(), entry.id(), entry.channel(), entry.attempts(), failed.reason(),
                        entry.kind() != Delivery.Kind.CANCEL);
            }
        }
    }

    private boolean isLatest(Warning warning, Obligation obligation) {
        List<Warning> warnings = duty.casebook().warningsTo(obligation.reportId(), obligation.partyId());
        return !warnings.isEmpty() && warnings.get(warnings.size() - 1).id().equals(warning.id());
    }
}
