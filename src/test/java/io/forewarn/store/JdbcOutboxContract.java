package io.forewarn.store;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.obligation.Slice;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database outbox on one database: the {@link OutboxContract}, with each claim in a transaction as the
 * dispatcher makes it, and what only the database outbox does: a replay's deliveries put on file as they stand,
 * and a delivery found by its id for the acknowledgement that names it.
 */
abstract class JdbcOutboxContract extends OutboxContract {

    protected TestDatabase database;
    private TransactionTemplate transactions;
    private JdbcOutbox jdbcOutbox;

    /** A fresh, migrated database for one test. */
    protected abstract TestDatabase database();

    @Override
    protected Outbox open() {
        database = database();
        transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        jdbcOutbox = new JdbcOutbox(database.dataSource());
        return jdbcOutbox;
    }

    @Override
    protected void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** A replay's deliveries put on file as they stand read back the same: state, attempts, when sent, each attempt. */
    @Test
    void deliveriesPutOnFileAsTheyStandReadBackTheSame() {
        OutboxEntry.Attempt failed = new OutboxEntry.Attempt(1, T0.plusSeconds(10), OutboxEntry.Attempt.Outcome.FAILED, "503");
        OutboxEntry.Attempt sent = new OutboxEntry.Attempt(2, T0.plusSeconds(40), OutboxEntry.Attempt.Outcome.SENT, "200");
        OutboxEntry delivered = new OutboxEntry("d-1", Delivery.Kind.ALERT, "W-1", "R-1/p", "p", HOOK, DeliveryState.SENT, 2,
                T0.plusSeconds(40), T0.minusSeconds(5), T0, Optional.of(T0.plusSeconds(40)), List.of(failed, sent));
        OutboxEntry waiting = entry("d-2", DESK);

        jdbcOutbox.putOnFile(List.of(delivered, waiting));

        assertThat(outbox.ofWarning("W-1", Optional.empty(), Slice.first(10))).containsExactly(delivered, waiting);
        assertThat(outbox.counts()).containsEntry(DeliveryState.SENT, 1L).containsEntry(DeliveryState.QUEUED, 1L);
    }

    @Test
    void aDeliveryIsFoundByItsIdWithWhereItGoes() {
        outbox.enqueue(List.of(entry("d-1", HOOK)));

        assertThat(jdbcOutbox.find("d-1")).contains(new DeliveryRecords.Addressed("d-1", "W-1", "R-1/p", "p", HOOK));
        assertThat(jdbcOutbox.find("d-nope")).isEmpty();
    }
}
