package io.forewarn.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Ids such as W-1, W-2 from one counter per prefix in {@code id_sequence}. The increment and the read
 * of the new value run in one transaction, the caller's when there is one (so an id of a rolled-back
 * change is handed out again) and a short one of their own otherwise, so two nodes never get the same id:
 * the UPDATE locks the counter row until commit.
 *
 * <p>The first id of a prefix inserts its row. Two transactions may race to do that; the loser's
 * insert runs in a nested transaction (a savepoint), so its failure does not abort the caller's
 * transaction on PostgreSQL, and it then increments the row the winner inserted.
 */
final class IdSequences {

    private final JdbcClient jdbc;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate nested;

    IdSequences(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        inTransaction = new TransactionTemplate(transactions);
        inTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    long next(String prefix) {
        Long value = inTransaction.execute(status -> {
            if (increment(prefix) == 0 && !insertFirst(prefix) && increment(prefix) == 0) {
                throw new IllegalStateException("the id counter for prefix " + prefix + " could neither be created nor found");
            }
            return jdbc.sql("SELECT last_issued FROM id_sequence WHERE prefix = :prefix")
                    .param("prefix", prefix)
                    .query(Long.class)
                    .single();
        });
        return value;
    }

    private int increment(String prefix) {
        return jdbc.sql("UPDATE id_sequence SET last_issued = last_issued + 1 WHERE prefix = :prefix")
                .param("prefix", prefix)
                .update();
    }

    /** Creates the counter at 1; false when another transaction created it first. */
    private boolean insertFirst(String prefix) {
        Boolean inserted = nested.execute(status -> {
            try {
                jdbc.sql("INSERT INTO id_sequence (prefix, last_issued) VALUES (:prefix, 1)")
                        .param("prefix", prefix)
                        .update();
                return true;
            } catch (DuplicateKeyException raced) {
                status.setRollbackOnly();
                return false;
            }
        });
        return Boolean.TRUE.equals(inserted);
    }
}
