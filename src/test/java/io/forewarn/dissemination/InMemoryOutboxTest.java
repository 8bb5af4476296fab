package io.forewarn.dissemination;

import io.forewarn.obligation.Slice;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replay's outbox keeps the database outbox's contract (JdbcOutboxTest): claims, their owners, liaison's record. */
class InMemoryOutboxTest {

    private static final Instant T0 = Instant.parse("2024-03-07T20:00:00Z");
    private static final ContactPoint HOOK = new ContactPoint.Webhook(URI.create("https://example.org/hook"),
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void aClaimTakesWhatIsDueAndOnlyItsOwnerSettlesIt() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.enqueue(List.of(entry("d-1", HOOK), entry("d-2", new ContactPoint.Email("a@example.org")),
                entry("d-3", new ContactPoint.Liaison("the desk"))));

        List<OutboxEntry> claimed = outbox.claim(T0, Set.of("webhook", "email"), 10, T0.plusSeconds(60));
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("d-1", "d-2");
        assertThat(claimed).allSatisfy(e -> assertThat(e.state()).isEqualTo(DeliveryState.IN_FLIGHT))
                .allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(outbox.claim(T0.plusSeconds(59), Set.of("webhook", "email"), 10, T0.plusSeconds(120))).isEmpty();

        List<OutboxEntry> again = outbox.claim(T0.plusSeconds(61), Set.of("email"), 10, T0.plusSeconds(200));
        assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(outbox.settle(claimed.get(1), attempt(1, "250"), DeliveryState.SENT, T0)).as("a stale claim").isFalse();
        assertThat(outbox.settle(again.get(0), attempt(2, "250"), DeliveryState.SENT, T0.plusSeconds(63))).isTrue();
        assertThat(outbox.entry("d-2").orElseThrow().sentAt()).as("the attempt's moment").contains(T0);
        assertThat(outbox.entry("d-2").orElseThrow().history()).extracting(OutboxEntry.Attempt::detail).containsExactly("250");

        assertThat(outbox.markWithdrawn("W-2", "liaison", T0.plusSeconds(60), "not carried")).as("another warning's").isEmpty();
        assertThat(outbox.markSent("o-1", "liaison", T0.plusSeconds(70), "recorded by liaison")).containsExactly("d-3");
        assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(75), "not carried")).as("sent already").isEmpty();
        assertThat(outbox.release(claimed.get(0), T0.plusSeconds(80))).isTrue();
        assertThat(outbox.counts()).containsEntry(DeliveryState.SENT, 2L).containsEntry(DeliveryState.QUEUED, 1L)
                .containsEntry(DeliveryState.IN_FLIGHT, 0L).containsEntry(DeliveryState.DEAD_LETTERED, 0L);
        assertThat(outbox.entry("d-1").orElseThrow().attempts()).as("released untried").isZero();
    }

    @Test
    void aWithdrawnWarningsQueuedLiaisonDeliveryIsDeadLetteredWithWhy() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.enqueue(List.of(entry("d-1", new ContactPoint.Liaison("the desk")), entry("d-2", HOOK)));

        assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(30), "not carried")).containsExactly("d-1");

        OutboxEntry withdrawn = outbox.entry("d-1").orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(DeliveryState.DEAD_LETTERED);
        assertThat(withdrawn.sentAt()).isEmpty();
        assertThat(withdrawn.history()).containsExactly(
                new OutboxEntry.Attempt(1, T0.plusSeconds(30), OutboxEntry.Attempt.Outcome.DEAD_LETTERED, "not carried"));
        assertThat(outbox.entry("d-2").orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void aWarningsDeliveriesArePagedByTheLastOneSeen() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.enqueue(List.of(entry("d-1", HOOK), entry("d-2", HOOK), entry("d-3", HOOK)));

        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.first(2))).extracting(OutboxEntry::id).containsExactly("d-1", "d-2");
        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-2", 2))).extracting(OutboxEntry::id).containsExactly("d-3");
        assertThat(outbox.ofWarning("W-2", Optional.empty(), Slice.first(2))).isEmpty();
        assertThatThrownBy(() -> outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-9", 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(List.of(entry("d-1", HOOK)))).hasMessageContaining("already");
    }

    private static OutboxEntry entry(String id, ContactPoint to) {
        return OutboxEntry.queued(id, Delivery.Kind.ALERT, "W-1", "o-1", "p-1", to, T0, T0);
    }

    private static OutboxEntry.Attempt attempt(int number, String detail) {
        return new OutboxEntry.Attempt(number, T0, OutboxEntry.Attempt.Outcome.SENT, detail);
    }
}
