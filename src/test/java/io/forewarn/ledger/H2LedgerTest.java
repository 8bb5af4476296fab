package io.forewarn.ledger;

import io.forewarn.store.TestDatabase;

/** The database ledger on H2 in memory, a fresh database per test. */
class H2LedgerTest extends JdbcLedgerContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.h2();
    }
}
