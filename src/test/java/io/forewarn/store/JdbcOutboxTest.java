package io.forewarn.store;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.obligation.Slice;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcOutboxTest {

    private static final Instant T0 = Instant.parse("2024-03-07T20:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimTakesWhatIsDueMarksItInFlightAndOnlyItsOwnerSettlesIt(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
            ContactPoint hook = new ContactPoint.Webhook(URI.create("https://example.org/hook"), SECRET);
            outbox.enqueue(List.of(entry("d-1", hook), entry("d-2", new ContactPoint.Email("a@example.org")),
                    entry("d-3", new ContactPoint.Liaison("the desk"))));

            List<OutboxEntry> claimed = transactions.execute(s -> outbox.claim(T0, Set.of("webhook", "email"), 10, T0.plusSeconds(60)));
            assertThat(claimed).extracting(OutboxEntry::id).containsExactly("d-1", "d-2");
            assertThat(claimed).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(DeliveryState.IN_FLIGHT);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.dueAt()).isEqualTo(T0.plusSeconds(60));
            });
            assertThat(claimed.get(0).to()).isEqualTo(hook);
            List<OutboxEntry> none = transactions.execute(s -> outbox.claim(T0.plusSeconds(59), Set.of("webhook", "email"), 10, T0.plusSeconds(120)));
            assertThat(none).as("claimed deliveries are not due until their claim runs out").isEmpty();

            // the claim on d-2 runs out (its node stopped): another dispatcher claims it again
            OutboxEntry first = claimed.get(1);
            List<OutboxEntry> again = transactions.execute(s -> outbox.claim(T0.plusSeconds(61), Set.of("email"), 10, T0.plusSeconds(200)));
            assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
            assertThat(outbox.settle(first, new OutboxEntry.Attempt(1, T0.plusSeconds(62), OutboxEntry.Attempt.Outcome.SENT, "250"),
                    DeliveryState.SENT, T0.plusSeconds(62))).as("the first claim is no longer its owner's").isFalse();
            assertThat(outbox.settle(again.get(0), new OutboxEntry.Attempt(2, T0.plusSeconds(63), OutboxEntry.Attempt.Outcome.SENT, "250"),
                    DeliveryState.SENT, T0.plusSeconds(63))).isTrue();
            assertThat(outbox.release(claimed.get(0), T0.plusSeconds(90))).isTrue();

            OutboxEntry sent = outbox.entry("d-2").orElseThrow();
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.sentAt()).contains(T0.plusSeconds(63));
            assertThat(sent.history()).containsExactly(new OutboxEntry.Attempt(2, T0.plusSeconds(63), OutboxEntry.Attempt.Outcome.SENT, "250"));
            OutboxEntry released = outbox.entry("d-1").orElseThrow();
            assertThat(released.state()).isEqualTo(DeliveryState.QUEUED);
            assertThat(released.attempts()).as("a release counts no attempt").isZero();
            assertThat(released.dueAt()).isEqualTo(T0.plusSeconds(90));

            assertThat(outbox.markSent("R-1/p", "liaison", T0.plusSeconds(70), "recorded by liaison")).containsExactly("d-3");
            assertThat(outbox.counts()).containsEntry(DeliveryState.SENT, 2L).containsEntry(DeliveryState.QUEUED, 1L)
                    .containsEntry(DeliveryState.IN_FLIGHT, 0L).containsEntry(DeliveryState.DEAD_LETTERED, 0L);
            assertThat(outbox.ofWarning("W-1", Optional.of(DeliveryState.SENT), Slice.first(1))).extracting(OutboxEntry::id)
                    .containsExactly("d-2");
            assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.after("d-1", 5))).extracting(OutboxEntry::id)
                    .containsExactly("d-2", "d-3");
            assertThat(outbox.find("d-1")).contains(new DeliveryRecords.Addressed("d-1", "W-1", "R-1/p", "p", hook));
            assertThat(outbox.find("d-nope")).isEmpty();
        }
    }

    /** Two transactions claiming at once on PostgreSQL: each gets other rows, neither waits for the other. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void concurrentClaimsSkipTheRowsTheOtherHolds(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
            for (int i = 0; i < 10; i++) {
                outbox.enqueue(List.of(entry("d-" + i, new ContactPoint.Email("a" + i + "@example.org"))));
            }
            CountDownLatch firstHolds = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(1);
            try {
                Future<List<OutboxEntry>> first = threads.submit(() -> transactions.execute(s -> {
                    List<OutboxEntry> mine = outbox.claim(T0, Set.of("email"), 4, T0.plusSeconds(60));
                    firstHolds.countDown();
                    try {
                        secondDone.await(10, TimeUnit.SECONDS); // holding its rows' locks meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return mine;
                }));
                assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
                long started = System.nanoTime();
                List<OutboxEntry> second = transactions.execute(s -> outbox.claim(T0, Set.of("email"), 4, T0.plusSeconds(60)));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                secondDone.countDown();
                assertThat(second).extracting(OutboxEntry::id).containsExactly("d-4", "d-5", "d-6", "d-7");
                assertThat(first.get(10, TimeUnit.SECONDS)).extracting(OutboxEntry::id).containsExactly("d-0", "d-1", "d-2", "d-3");
                assertThat(took).as("the second claim did not wait for the first's locks").isLessThan(Duration.ofSeconds(5));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** A replay's deliveries put on file read back as they stood: state, attempts, when sent, each attempt. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void deliveriesPutOnFileAsTheyStandReadBackTheSame(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            ContactPoint hook = new ContactPoint.Webhook(URI.create("https://example.org/hook"), SECRET);
            OutboxEntry.Attempt failed = new OutboxEntry.Attempt(1, T0.plusSeconds(10), OutboxEntry.Attempt.Outcome.FAILED, "503");
            OutboxEntry.Attempt sent = new OutboxEntry.Attempt(2, T0.plusSeconds(40), OutboxEntry.Attempt.Outcome.SENT, "200");
            OutboxEntry delivered = new OutboxEntry("d-1", Delivery.Kind.ALERT, "W-1", "R-1/p", "p", hook, DeliveryState.SENT, 2,
                    T0.plusSeconds(40), T0.minusSeconds(5), T0, Optional.of(T0.plusSeconds(40)), List.of(failed, sent));
            OutboxEntry waiting = entry("d-2", new ContactPoint.Liaison("the desk"));

            outbox.putOnFile(List.of(delivered, waiting));

            assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.first(10))).containsExactly(delivered, waiting);
            assertThat(outbox.counts()).containsEntry(DeliveryState.SENT, 1L).containsEntry(DeliveryState.QUEUED, 1L);
        }
    }

    /** A cancelled warning's liaison deliveries still queued are dead-lettered, with why; nothing else moves. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWithdrawnWarningsQueuedLiaisonDeliveriesAreDeadLettered(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            ContactPoint desk = new ContactPoint.Liaison("the desk");
            outbox.enqueue(List.of(entry("d-1", desk), entry("d-2", new ContactPoint.Email("a@example.org")),
                    OutboxEntry.queued("d-3", Delivery.Kind.ALERT, "W-2", "R-2/p", "p", desk, T0.minusSeconds(5), T0)));

            assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(30), "not carried")).containsExactly("d-1");

            OutboxEntry withdrawn = outbox.entry("d-1").orElseThrow();
            assertThat(withdrawn.state()).isEqualTo(DeliveryState.DEAD_LETTERED);
            assertThat(withdrawn.sentAt()).isEmpty();
            assertThat(withdrawn.history()).containsExactly(
                    new OutboxEntry.Attempt(1, T0.plusSeconds(30), OutboxEntry.Attempt.Outcome.DEAD_LETTERED, "not carried"));
            assertThat(outbox.entry("d-2").orElseThrow().state()).as("another channel").isEqualTo(DeliveryState.QUEUED);
            assertThat(outbox.entry("d-3").orElseThrow().state()).as("another warning").isEqualTo(DeliveryState.QUEUED);
            assertThat(outbox.markWithdrawn("W-1", "liaison", T0.plusSeconds(40), "not carried")).as("only once").isEmpty();
        }
    }

    private static OutboxEntry entry(String id, ContactPoint to) {
        return OutboxEntry.queued(id, Delivery.Kind.ALERT, "W-1", "R-1/p", "p", to, T0.minusSeconds(5), T0);
    }
}
