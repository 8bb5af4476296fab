package io.forewarn.ledger;

import io.forewarn.obligation.TimelineEntry;
import io.forewarn.store.CasebookJson;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.store.TestDatabase;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The ledger contract on a database: events reach the ledger as the server records them, each change's
 * timeline rows appended by the casebook in one transaction, their entries written before it commits.
 */
abstract class JdbcLedgerContract extends LedgerContract {

    private TestDatabase database;
    private JdbcCasebook casebook;

    protected abstract TestDatabase database();

    @Override
    protected Ledger open() {
        database = database();
        casebook = new JdbcCasebook(database.dataSource(), new CasebookJson(), CLOCK);
        return casebook.ledger();
    }

    @Override
    protected void append(Ledger ledger, List<LedgerEvent> events) {
        new TransactionTemplate(new JdbcTransactionManager(database.dataSource())).executeWithoutResult(status ->
                events.forEach(event -> casebook.append(
                        new TimelineEntry(event.at(), event.type(), event.subject(), event.actor(), event.summary()))));
    }

    @Override
    protected void close() {
        database.close();
    }
}
