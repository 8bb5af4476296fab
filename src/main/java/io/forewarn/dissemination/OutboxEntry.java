package io.forewarn.dissemination;

import io.forewarn.party.ContactPoint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery as the outbox keeps it: what it carries, where it goes, where it stands and what each attempt
 * came to.
 *
 * @param attempts the attempts made (or, in flight, being made): counted up when the dispatcher claims it
 * @param dueAt    when it is next due: queued, the time to try it (again); in flight, when its claim runs out
 * @param history  the attempts' records, oldest first; empty where they were not read (a claim)
 */
public record OutboxEntry(String id, Delivery.Kind kind, String warningId, String obligationId, String partyId,
                          ContactPoint to, DeliveryState state, int attempts, Instant dueAt, Instant issuedAt,
                          Instant enqueuedAt, Optional<Instant> sentAt, List<Attempt> history) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(warningId, "warningId");
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        history = List.copyOf(history);
    }

    /** A delivery just enqueued: queued, due at once, no attempt made. */
    public static OutboxEntry queued(String id, Delivery.Kind kind, String warningId, String obligationId,
                                     String partyId, ContactPoint to, Instant issuedAt, Instant now) {
        return new OutboxEntry(id, kind, warningId, obligationId, partyId, to, DeliveryState.QUEUED, 0, now, issuedAt,
                now, Optional.empty(), List.of());
    }

    /** The contact point's kind: the channel that carries it. */
    public String channel() {
        return to.kind();
    }

    /** One try at sending a delivery, or a person's record that it was carried (liaison). */
    public record Attempt(int number, Instant at, Outcome outcome, String detail) {

        /** What one attempt came to. */
        public enum Outcome implements io.forewarn.code.Coded {
            SENT, FAILED, DEAD_LETTERED;

            @Override
            public String code() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }

        public Attempt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
            if (number < 1) {
                throw new IllegalArgumentException("attempts count from 1");
            }
        }
    }
}
