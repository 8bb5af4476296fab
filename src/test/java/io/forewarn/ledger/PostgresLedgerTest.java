package io.forewarn.ledger;

import io.forewarn.store.TestDatabase;

/** The database ledger on PostgreSQL, a fresh schema per test, dropped afterwards. */
class PostgresLedgerTest extends JdbcLedgerContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres();
    }
}
