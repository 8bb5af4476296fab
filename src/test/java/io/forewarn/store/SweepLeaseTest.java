package io.forewarn.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sweep lease: one transaction at a time holds it, it ends with the transaction, it is never
 * waited for, and it cannot be taken outside a transaction. On PostgreSQL it is per schema.
 */
class SweepLeaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneTransactionAtATimeHoldsTheLeaseUntilItEnds(String kind) throws Exception {
        try (TestDatabase database = open(kind)) {
            SweepLease lease = SweepLease.forDatabase(database.dataSource());
            TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));

            try (Holder holder = Holder.hold(lease, transactions, false)) {
                assertThat(holder.got()).as("the first transaction gets the lease").isTrue();
                assertThat(takesTwice(transactions, lease))
                        .as("a second transaction does not, while the first is open").isFalse();
            }
            assertThat(takesTwice(transactions, lease)).as("after a commit it is free").isTrue();

            try (Holder holder = Holder.hold(lease, transactions, true)) {
                assertThat(holder.got()).isTrue();
            }
            assertThat(takesTwice(transactions, lease))
                    .as("after a rollback it is free, and a holder may take it again").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void outsideATransactionTheLeaseIsRefused(String kind) {
        try (TestDatabase database = open(kind)) {
            SweepLease lease = SweepLease.forDatabase(database.dataSource());
            assertThatThrownBy(lease::tryAcquire).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void casebooksInOtherDatabasesOrSchemasDoNotShareTheLease(String kind) throws Exception {
        try (TestDatabase one = open(kind); TestDatabase other = open(kind)) {
            SweepLease lease = SweepLease.forDatabase(one.dataSource());
            SweepLease otherLease = SweepLease.forDatabase(other.dataSource());
            TransactionTemplate otherTransactions = new TransactionTemplate(new JdbcTransactionManager(other.dataSource()));
            try (Holder holder = Holder.hold(lease, new TransactionTemplate(new JdbcTransactionManager(one.dataSource())), false)) {
                assertThat(holder.got()).isTrue();
                assertThat(takesTwice(otherTransactions, otherLease)).isTrue();
            }
        }
    }

    /** Takes the lease twice in one new transaction: true when both times it was had. */
    private static boolean takesTwice(TransactionTemplate transactions, SweepLease lease) {
        Boolean got = transactions.execute(status -> lease.tryAcquire() && lease.tryAcquire());
        return Boolean.TRUE.equals(got);
    }

    private static TestDatabase open(String kind) {
        Supplier<TestDatabase> opener = kind.equals("h2") ? TestDatabase::h2 : TestDatabase::postgres;
        return opener.get();
    }

    /** A transaction on another thread that takes the lease and stays open until closed. */
    private record Holder(boolean got, CountDownLatch release, CompletableFuture<Void> done) implements AutoCloseable {

        static Holder hold(SweepLease lease, TransactionTemplate transactions, boolean rollBack) throws Exception {
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            boolean[] got = new boolean[1];
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                got[0] = lease.tryAcquire();
                taken.countDown();
                try {
                    if (!release.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (rollBack) {
                    status.setRollbackOnly();
                }
            }));
            if (!taken.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the holding transaction did not start");
            }
            return new Holder(got[0], release, done);
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            done.get(20, TimeUnit.SECONDS);
        }
    }
}
