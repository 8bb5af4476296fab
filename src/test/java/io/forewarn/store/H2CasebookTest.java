package io.forewarn.store;

/** The database casebook on H2, a fresh in-memory database per test. */
class H2CasebookTest extends JdbcCasebookContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.h2();
    }
}
