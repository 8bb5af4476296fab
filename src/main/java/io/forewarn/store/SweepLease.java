package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The right to take the clock's decisions (the deadline sweep) for one casebook, held by at most one
 * node at a time and only for the length of one transaction: it is released when that transaction
 * commits or rolls back, so a node that dies mid-sweep never keeps it.
 *
 * <ul>
 *   <li>PostgreSQL: {@code pg_try_advisory_xact_lock(LOCK_CLASS, hashtext(current_schema()))}, a
 *       transaction-scoped advisory lock. Advisory locks are per database, so the second key names the
 *       schema: casebooks in different schemas of one database do not hold each other up (a hash
 *       collision between two schemas costs one of them a skipped sweep, nothing more).</li>
 *   <li>H2: the embedded database belongs to one process ({@code AUTO_SERVER=FALSE}; an in-memory one to
 *       its JVM), so a lock in this JVM, one per database URL, excludes every other sweep of it. It is
 *       released after the transaction completes.</li>
 * </ul>
 *
 * <p>{@link #tryAcquire()} must run inside a Spring-managed transaction on the same {@link DataSource}
 * (the one whose work the lease covers); it never waits. Holding the lease does not replace the
 * obligations' optimistic versioning: API requests still write beside the sweep, and a conflict
 * still fails one of them with {@link ConcurrentChangeException}.
 */
public abstract sealed class SweepLease permits SweepLease.Postgres, SweepLease.JvmLocal {

    /** The first key of the PostgreSQL advisory lock: "FWsw" in ASCII. */
    public static final int LOCK_CLASS = 0x46577377;

    private static final ConcurrentMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private SweepLease() {
    }

    /** The lease fitting the database behind {@code dataSource} (PostgreSQL or H2); others are refused. */
    public static SweepLease forDatabase(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String product;
        String url;
        DatabaseKind kind;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
            url = metaData.getURL();
            kind = DatabaseKind.of(connection);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot tell which database holds the casebook: " + failed.getMessage(), failed);
        }
        return switch (kind) {
            case POSTGRESQL -> new Postgres(dataSource);
            case H2 -> new JvmLocal(withoutSettings(url));
            case OTHER -> throw new IllegalStateException("no sweep lease for the database " + product
                    + "; Forewarn runs on H2 or PostgreSQL");
        };
    }

    /**
     * Takes the lease for the current transaction, or answers false at once when another holds it.
     * Taking it again in the same transaction succeeds.
     *
     * @throws IllegalStateException outside a transaction, where a lease would end with the statement
     */
    public final boolean tryAcquire() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the sweep lease is taken inside a transaction and lasts as long as it");
        }
        return acquire();
    }

    abstract boolean acquire();

    /** What holds the lease, for a log line. */
    public abstract String describe();

    private static String withoutSettings(String url) {
        int at = url == null ? -1 : url.indexOf(';');
        return at < 0 ? String.valueOf(url) : url.substring(0, at);
    }

    static final class Postgres extends SweepLease {
        private final JdbcClient jdbc;

        Postgres(DataSource dataSource) {
            this.jdbc = JdbcClient.create(dataSource);
        }

        @Override
        boolean acquire() {
            return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:class, hashtext(current_schema()))")
                    .param("class", LOCK_CLASS)
                    .query(Boolean.class)
                    .single());
        }

        @Override
        public String describe() {
            return "PostgreSQL advisory lock (" + LOCK_CLASS + ", hash of the schema), per transaction";
        }
    }

    static final class JvmLocal extends SweepLease {
        private final String database;
        private final ReentrantLock lock;

        JvmLocal(String database) {
            this.database = database;
            this.lock = JVM_LOCKS.computeIfAbsent(database, any -> new ReentrantLock());
        }

        @Override
        boolean acquire() {
            if (!lock.tryLock()) {
                return false;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.unlock();
                }
            });
            return true;
        }

        @Override
        public String describe() {
            return "lock in this process on " + database + ", per transaction";
        }
    }
}
