package io.forewarn.dissemination;

import io.forewarn.obligation.Slice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of deliveries, written in the transaction that issues a warning and drained by dispatchers. Every
 * method works inside the caller's transaction when there is one, so an enqueue commits or rolls back with
 * the warning it delivers.
 */
public interface Outbox {

    /** Puts these deliveries in the outbox, each queued and due at once. */
    void enqueue(List<OutboxEntry> entries);

    /**
     * Claims at most {@code limit} deliveries due at {@code now} of these channels, the longest due first: queued
     * ones, and in-flight ones whose claim ran out. Each is marked in flight until {@code claimedUntil}, its
     * attempts counted up by one. Rows another transaction holds are skipped, not waited for, so several
     * dispatchers on one database claim different deliveries.
     */
    List<OutboxEntry> claim(Instant now, Collection<String> channels, int limit, Instant claimedUntil);

    /**
     * Ends the attempt of a claimed delivery: records it and moves the delivery to {@code state}, due next at
     * {@code dueAt} when queued again. Refused (false, nothing written) when the claim is no longer this one's:
     * it ran out and another dispatcher claimed the delivery again.
     */
    boolean settle(OutboxEntry claimed, OutboxEntry.Attempt attempt, DeliveryState state, Instant dueAt);

    /** Gives a claimed delivery back, not tried (its channel's circuit is open): queued, due at {@code dueAt}. */
    boolean release(OutboxEntry claimed, Instant dueAt);

    /**
     * Marks the queued deliveries of an obligation over one channel, of the given kinds, sent, as a person recorded
     * (liaison carries its deliveries by hand): each gets an attempt with {@code detail}. The ids of those marked.
     * The kinds keep a warning carried apart from a withdrawal carried: recording one never marks the other.
     */
    List<String> markSent(String obligationId, String channel, Set<Delivery.Kind> kinds, Instant at, String detail);

    /**
     * Withdraws the queued deliveries of a warning (its alerts and updates, never a cancellation still to be told) over
     * one channel that no machine sends, the warning cancelled or ended before a person recorded carrying it (liaison):
     * each is dead-lettered with an attempt saying {@code detail}, so no queue holds it any more. The ids of those
     * withdrawn.
     */
    List<String> markWithdrawn(String warningId, String channel, Instant at, String detail);

    /** A page of a warning's deliveries, optionally in one state, in the order they were enqueued, with their attempts. */
    List<OutboxEntry> ofWarning(String warningId, Optional<DeliveryState> state, Slice slice);

    /**
     * A page of the deliveries in one state, optionally over one channel, in the order they were enqueued, with their
     * attempts: what liaison has still to carry (queued over liaison), or every delivery given up on (dead-lettered).
     */
    List<OutboxEntry> inState(DeliveryState state, Optional<String> channel, Slice slice);

    /** How many deliveries stand in each state (every state, 0 included). */
    Map<DeliveryState, Long> counts();

    /** The delivery with this id, with its attempts. */
    Optional<OutboxEntry> entry(String id);
}
