package io.forewarn.store;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.InMemoryCasebook;

/** The reference implementation meets the contract the database casebook is held to. */
class InMemoryCasebookTest extends CasebookContract {

    @Override
    protected Casebook open() {
        return new InMemoryCasebook();
    }
}
