package io.forewarn.ledger;

import java.util.List;

/** The ledger in memory. */
class InMemoryLedgerTest extends LedgerContract {

    @Override
    protected Ledger open() {
        return new InMemoryLedger(CLOCK);
    }

    @Override
    protected void append(Ledger ledger, List<LedgerEvent> events) {
        events.forEach(((InMemoryLedger) ledger)::append);
    }
}
