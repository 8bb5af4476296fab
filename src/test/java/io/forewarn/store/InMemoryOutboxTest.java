package io.forewarn.store;

import io.forewarn.dissemination.InMemoryOutbox;
import io.forewarn.dissemination.Outbox;

/** A replay's outbox meets the contract the database outbox is held to. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Outbox open() {
        return new InMemoryOutbox();
    }
}
