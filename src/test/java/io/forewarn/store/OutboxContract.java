package io.forewarn.store;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.obligation.Slice;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Outbox} does, run against each implementation (a replay's in memory, the server's in the
 * database): a claim takes what is due and holds it until the claim runs out, only the latest claim settles, a
 * release counts no attempt, liaison's record and a withdrawal move only what they name, and a warning's
 * deliveries are paged by the last one seen.
 */
abstract class OutboxContract {

    static final Instant T0 = Instant.parse("2024-03-07T20:00:00Z");
    static final ContactPoint HOOK = new ContactPoint.Webhook(URI.create("https://example.org/hook"),
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final ContactPoint EMAIL = new ContactPoint.Email("a@example.org");
    static final ContactPoint DESK = new ContactPoint.Liaison("the desk");

    protected Outbox outbox;

    /** A new, empty outbox for one test. */
    protected abstract Outbox open();

    /** Releases what {@link #open()} took. */
    protected void close() {
    }

    /** Runs a claim as the dispatcher does: in a transaction of its own, where the outbox has transactions. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @BeforeEach
    void openOutbox() {
        outbox = open();
    }

    @AfterEach
    void closeOutbox() {
        close();
    }

    @Test
    void aClaimTakesWhatIsDueMarksItInFlightAndOnlyItsOwnerSettlesIt() {
        outbox.enqueue(List.of(entry("d-1", HOOK), entry("d-2", EMAIL), entry("d-3", DESK)));

        List<OutboxEntry> claimed = claim(T0, Set.of("webhook", "email"), T0.plusSeconds(60));
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("d-1", "d-2");
        assertThat(claimed).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(DeliveryState.IN_FLIGHT);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.dueAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(claimed.get(0).to()).isEqualTo(HOOK);
        assertThat(claim(T0.plusSeconds(59), Set.of("webhook", "email"), T0.plusSeconds(120)))
                .as("claimed deliveries are not due until their claim runs out").isEmpty();

        // the claim on d-2 runs out (its node stopped): another dispatcher claims it again
        List<OutboxEntry> again = claim(T0.plusSeconds(61), Set.of("email"), T0.plusSeconds(200));
        assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(outbox.settle(claimed.get(1), sent(1, T0.plusSeconds(62)), DeliveryState.SENT, T0.plusSeconds(62)))
                .as("the first claim is no longer its owner's").isFalse();
        assertThat(outbox.settle(again.get(0), sent(2, T0.plusSeconds(63)), DeliveryState.SENT, T0.plusSeconds(63))).isTrue();
        assertThat(outbox.release(claimed.get(0), T0.plusSeconds(90))).isTrue();

        OutboxEntry settled = outbox.entry("d-2").orElseThrow();
        assertThat(settled.state()).isEqualTo(DeliveryState.SENT);
        assertThat(settled.sentAt()).as("the attempt's moment").contains(T0.plusSeconds(63));
        assertThat(settled.history()).containsExactly(sent(2, T0.plusSeconds(63)));
        OutboxEntry released = outbox.entry("d-1").orElseThrow();
        assertThat(released.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(released.attempts()).as("a release counts no attempt").isZero();
        assertThat(released.dueAt()).isEqualTo(T0.plusSeconds(90));

        assertThat(outbox.markSent("R-1/p", "liaison", Delivery.Kind.WARNINGS, T0.plusSeconds(70), "recorded by liaison")).containsExactly("d-3");
        assertThat(outbox.counts()).containsEntry(DeliveryState.SENT, 2L).containsEntry(DeliveryState.QUEUED, 1L)
                .containsEntry(DeliveryState.IN_FLIGHT, 0L).containsEntry(DeliveryState.DEAD_LETTERED, 0L);
        assertThat(outbox.ofWarning("W-1", Optional.of(DeliveryState.SENT), Slice.first(1))).extracting(OutboxEntry::id)
                .containsExactly("d-2");
        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-1", 5))).extracting(OutboxEntry::id)
                .containsExactly("d-2", "d-3");
    }

    /** A cancelled warning's liaison deliveries still queued are dead-lettered, with why; nothing else moves. */
    @Test
    void aWithdrawnWarningsQueuedLiaisonDeliveriesAreDeadLetteredWithWhy() {
        outbox.enqueue(List.of(entry("d-1", DESK), entry("d-2", EMAIL),
                OutboxEntry.queued("d-3", Delivery.Kind.ALERT, "W-2", "R-2/p", "p", DESK, T0.minusSeconds(5), T0),
                OutboxEntry.queued("d-4", Delivery.Kind.CANCEL, "W-1", "R-1/q", "q", DESK, T0.minusSeconds(5), T0)));

        assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(30), "not carried")).containsExactly("d-1");
        assertThat(outbox.entry("d-4").orElseThrow().state()).as("a withdrawal still to be told").isEqualTo(DeliveryState.QUEUED);

        OutboxEntry withdrawn = outbox.entry("d-1").orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(DeliveryState.DEAD_LETTERED);
        assertThat(withdrawn.sentAt()).isEmpty();
        assertThat(withdrawn.history()).containsExactly(
                new OutboxEntry.Attempt(1, T0.plusSeconds(30), OutboxEntry.Attempt.Outcome.DEAD_LETTERED, "not carried"));
        assertThat(outbox.entry("d-2").orElseThrow().state()).as("another channel").isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.entry("d-3").orElseThrow().state()).as("another warning").isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(40), "not carried")).as("only once").isEmpty();
    }

    /** A withdrawal carried marks the obligation's liaison cancellations alone, and a warning carried its alerts alone. */
    @Test
    void aWarningCarriedAndAWithdrawalCarriedEachMarkOnlyTheirOwnKind() {
        outbox.enqueue(List.of(entry("d-1", DESK),
                OutboxEntry.queued("d-2", Delivery.Kind.CANCEL, "W-0", "R-1/p", "p", DESK, T0.minusSeconds(9), T0),
                OutboxEntry.queued("d-3", Delivery.Kind.CANCEL, "W-0", "R-2/p", "p", DESK, T0.minusSeconds(9), T0)));

        assertThat(outbox.markSent("R-1/p", "liaison", Set.of(Delivery.Kind.CANCEL), T0.plusSeconds(20),
                "recorded by liaison")).containsExactly("d-2");
        assertThat(outbox.entry("d-1").orElseThrow().state()).as("the alert, not carried yet").isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.entry("d-3").orElseThrow().state()).as("another obligation").isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.markSent("R-1/p", "liaison", Delivery.Kind.WARNINGS, T0.plusSeconds(30), "recorded by liaison"))
                .containsExactly("d-1");
        assertThat(outbox.markSent("R-1/p", "liaison", Set.of(), T0.plusSeconds(40), "recorded by liaison")).isEmpty();
    }

    @Test
    void aLiaisonDeliveryRecordedAsCarriedIsNotWithdrawn() {
        outbox.enqueue(List.of(entry("d-1", DESK)));

        assertThat(outbox.markSent("R-1/p", "liaison", Delivery.Kind.WARNINGS, T0.plusSeconds(20), "recorded by liaison")).containsExactly("d-1");

        assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(30), "not carried")).isEmpty();
        assertThat(outbox.entry("d-1").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }

    /** Every warning's deliveries in one state, over one channel or all, paged by the last one seen in any state. */
    @Test
    void theDeliveriesInOneStateAreListedAcrossWarningsInTheOrderEnqueued() {
        outbox.enqueue(List.of(entry("d-1", DESK), entry("d-2", EMAIL),
                OutboxEntry.queued("d-3", Delivery.Kind.ALERT, "W-2", "R-2/q", "q", DESK, T0.minusSeconds(5), T0),
                OutboxEntry.queued("d-4", Delivery.Kind.CANCEL, "W-2", "R-2/q", "q", DESK, T0.minusSeconds(5), T0)));
        outbox.markSent("R-2/q", "liaison", Delivery.Kind.WARNINGS, T0.plusSeconds(10), "recorded by liaison");
        outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(20), "not carried");

        assertThat(outbox.inState(DeliveryState.QUEUED, Optional.of("liaison"), Slice.first(10))).extracting(OutboxEntry::id)
                .containsExactly("d-4");
        assertThat(outbox.inState(DeliveryState.QUEUED, Optional.empty(), Slice.first(10))).extracting(OutboxEntry::id)
                .containsExactly("d-2", "d-4");
        assertThat(outbox.inState(DeliveryState.DEAD_LETTERED, Optional.empty(), Slice.first(10))).singleElement()
                .satisfies(e -> assertThat(e.history()).extracting(OutboxEntry.Attempt::detail).containsExactly("not carried"));
        assertThat(outbox.inState(DeliveryState.SENT, Optional.of("email"), Slice.first(10))).isEmpty();
        assertThat(outbox.inState(DeliveryState.QUEUED, Optional.empty(), Slice.first(1))).extracting(OutboxEntry::id)
                .containsExactly("d-2");
        assertThat(outbox.inState(DeliveryState.QUEUED, Optional.empty(), Slice.after("d-2", 1))).extracting(OutboxEntry::id)
                .containsExactly("d-4");
        assertThat(outbox.inState(DeliveryState.QUEUED, Optional.empty(), Slice.after("d-1", 5)))
                .as("after a delivery no longer in that state").extracting(OutboxEntry::id).containsExactly("d-2", "d-4");
        assertThatThrownBy(() -> outbox.inState(DeliveryState.QUEUED, Optional.empty(), Slice.after("d-9", 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the page cursor names no delivery on file");
    }

    @Test
    void aWarningsDeliveriesArePagedByTheLastOneSeen() {
        outbox.enqueue(List.of(entry("d-1", HOOK), entry("d-2", HOOK), entry("d-3", HOOK)));

        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.first(2))).extracting(OutboxEntry::id).containsExactly("d-1", "d-2");
        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-2", 2))).extracting(OutboxEntry::id).containsExactly("d-3");
        assertThat(outbox.ofWarning("W-2", Optional.empty(), Slice.first(2))).isEmpty();
        assertThatThrownBy(() -> outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-9", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no delivery of W-1 on file");
    }

    @Test
    void aDeliveryIsEnqueuedOnce() {
        OutboxEntry first = entry("d-1", HOOK);
        outbox.enqueue(List.of(first));

        assertThatThrownBy(() -> outbox.enqueue(List.of(entry("d-1", EMAIL)))).isInstanceOf(RuntimeException.class);
        assertThat(outbox.entry("d-1")).contains(first);
    }

    private List<OutboxEntry> claim(Instant now, Collection<String> channels, Instant claimedUntil) {
        return inTransaction(() -> outbox.claim(now, channels, 10, claimedUntil));
    }

    static OutboxEntry entry(String id, ContactPoint to) {
        return OutboxEntry.queued(id, Delivery.Kind.ALERT, "W-1", "R-1/p", "p", to, T0.minusSeconds(5), T0);
    }

    private static OutboxEntry.Attempt sent(int number, Instant at) {
        return new OutboxEntry.Attempt(number, at, OutboxEntry.Attempt.Outcome.SENT, "250");
    }
}
