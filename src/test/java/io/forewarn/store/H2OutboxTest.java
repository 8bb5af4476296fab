package io.forewarn.store;

/** The database outbox on H2, a fresh in-memory database per test. */
class H2OutboxTest extends JdbcOutboxContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.h2();
    }
}
