package io.forewarn.store;

/** The database casebook on PostgreSQL, a fresh schema per test, dropped afterwards. */
class PostgresCasebookTest extends JdbcCasebookContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres();
    }
}
