package io.forewarn.dissemination;

import io.forewarn.obligation.Slice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The outbox of a replay, in memory: the same contract as the database's, for one thread. A replay fills it through
 * the same {@link OutboxListener} a server does, so its deliveries are the ones a server would have queued.
 */
public final class InMemoryOutbox implements Outbox {

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    @Override
    public void enqueue(List<OutboxEntry> queued) {
        for (OutboxEntry entry : queued) {
            if (entries.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalArgumentException("delivery " + entry.id() + " is already in the outbox");
            }
        }
    }

    @Override
    public List<OutboxEntry> claim(Instant now, Collection<String> channels, int limit, Instant claimedUntil) {
        List<OutboxEntry> due = entries.values().stream()
                .filter(entry -> channels.contains(entry.channel()) && !entry.dueAt().isAfter(now)
                        && (entry.state() == DeliveryState.QUEUED || entry.state() == DeliveryState.IN_FLIGHT))
                .sorted(Comparator.comparing(OutboxEntry::dueAt))
                .limit(limit)
                .toList();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry entry : due) {
            OutboxEntry inFlight = with(entry, DeliveryState.IN_FLIGHT, entry.attempts() + 1, claimedUntil,
                    entry.sentAt(), entry.history());
            entries.put(entry.id(), inFlight);
            claimed.add(inFlight);
        }
        return claimed;
    }

    @Override
    public boolean settle(OutboxEntry claimed, OutboxEntry.Attempt attempt, DeliveryState state, Instant dueAt) {
        OutboxEntry current = entries.get(claimed.id());
        if (!isClaim(current, claimed)) {
            return false;
        }
        List<OutboxEntry.Attempt> history = new ArrayList<>(current.history());
        history.add(attempt);
        Optional<Instant> sentAt = current.sentAt().or(() -> state == DeliveryState.SENT
                ? Optional.of(attempt.at()) : Optional.empty());
        entries.put(current.id(), with(current, state, current.attempts(), dueAt, sentAt, history));
        return true;
    }

    @Override
    public boolean release(OutboxEntry claimed, Instant dueAt) {
        OutboxEntry current = entries.get(claimed.id());
        if (!isClaim(current, claimed)) {
            return false;
        }
        entries.put(current.id(), with(current, DeliveryState.QUEUED, current.attempts() - 1, dueAt, current.sentAt(),
                current.history()));
        return true;
    }

    @Override
    public List<String> markSent(String obligationId, String channel, Set<Delivery.Kind> kinds, Instant at, String detail) {
        return mark(entry -> entry.obligationId().equals(obligationId) && kinds.contains(entry.kind()), channel,
                DeliveryState.SENT, at, detail);
    }

    @Override
    public List<String> markWithdrawn(String warningId, String channel, Instant at, String detail) {
        return mark(entry -> entry.warningId().equals(warningId) && Delivery.Kind.WARNINGS.contains(entry.kind()), channel,
                DeliveryState.DEAD_LETTERED, at, detail);
    }

    private List<String> mark(Predicate<OutboxEntry> which, String channel, DeliveryState state, Instant at, String detail) {
        boolean sent = state == DeliveryState.SENT;
        List<String> marked = new ArrayList<>();
        for (OutboxEntry entry : List.copyOf(entries.values())) {
            if (which.test(entry) && entry.channel().equals(channel) && entry.state() == DeliveryState.QUEUED) {
                List<OutboxEntry.Attempt> history = new ArrayList<>(entry.history());
                history.add(new OutboxEntry.Attempt(entry.attempts() + 1, at,
                        sent ? OutboxEntry.Attempt.Outcome.SENT : OutboxEntry.Attempt.Outcome.DEAD_LETTERED, detail));
                entries.put(entry.id(), with(entry, state, entry.attempts() + 1, entry.dueAt(),
                        sent ? Optional.of(at) : entry.sentAt(), history));
                marked.add(entry.id());
            }
        }
        return marked;
    }

    @Override
    public List<OutboxEntry> ofWarning(String warningId, Optional<DeliveryState> state, Slice slice) {
        List<OutboxEntry> ofWarning = entries.values().stream().filter(entry -> entry.warningId().equals(warningId)).toList();
        return after(ofWarning, slice, "delivery of " + warningId).stream()
                .filter(entry -> state.isEmpty() || entry.state() == state.get())
                .limit(slice.size())
                .toList();
    }

    @Override
    public List<OutboxEntry> inState(DeliveryState state, Optional<String> channel, Slice slice) {
        return after(List.copyOf(entries.values()), slice, "delivery").stream()
                .filter(entry -> entry.state() == state && channel.map(entry.channel()::equals).orElse(true))
                .limit(slice.size())
                .toList();
    }

    /** The entries after the slice's cursor, which must name one of them ({@code what} says what it names). */
    private static List<OutboxEntry> after(List<OutboxEntry> ordered, Slice slice, String what) {
        if (slice.after().isEmpty()) {
            return ordered;
        }
        int from = ordered.stream().map(OutboxEntry::id).toList().indexOf(slice.after().get()) + 1;
        if (from == 0) {
            throw slice.unknown(what);
        }
        return ordered.subList(from, ordered.size());
    }

    @Override
    public Map<DeliveryState, Long> counts() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        entries.values().forEach(entry -> counts.merge(entry.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public Optional<OutboxEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Every delivery, in the order it was enqueued, with its attempts. */
    public List<OutboxEntry> entries() {
        return List.copyOf(entries.values());
    }

    private static boolean isClaim(OutboxEntry current, OutboxEntry claimed) {
        return current != null && current.state() == DeliveryState.IN_FLIGHT && current.attempts() == claimed.attempts();
    }

    private static OutboxEntry with(OutboxEntry entry, DeliveryState state, int attempts, Instant dueAt,
                                    Optional<Instant> sentAt, List<OutboxEntry.Attempt> history) {
        return new OutboxEntry(entry.id(), entry.kind(), entry.warningId(), entry.obligationId(), entry.partyId(),
                entry.to(), state, attempts, dueAt, entry.issuedAt(), entry.enqueuedAt(), sentAt, history);
    }
}
