package io.forewarn.store;

import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The database outbox on PostgreSQL, a fresh schema per test, dropped afterwards; and its claims side by side. */
class PostgresOutboxTest extends JdbcOutboxContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres();
    }

    /** Two transactions claiming at once: each gets other rows, neither waits for the other (SKIP LOCKED). */
    @Test
    void concurrentClaimsSkipTheRowsTheOtherHolds() throws Exception {
        for (int i = 0; i < 10; i++) {
            outbox.enqueue(List.of(entry("d-" + i, new ContactPoint.Email("a" + i + "@example.org"))));
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<List<OutboxEntry>> first = threads.submit(() -> inTransaction(() -> {
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
            List<OutboxEntry> second = inTransaction(() -> outbox.claim(T0, Set.of("email"), 4, T0.plusSeconds(60)));
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
