package io.forewarn.dissemination;

import io.forewarn.party.ContactPoint;

/**
 * One way out: email, webhook, the CAP feed, liaison, and later STIX over TAXII. The outbox hands a
 * channel one delivery at a time and acts on what it answers: a sent delivery is recorded, a temporary
 * failure is retried with backoff, a permanent one is dead-lettered at once.
 *
 * <p>A channel sends; it does not decide when, how often or whether again. Retries, the circuit breaker
 * and dead letters belong to the outbox, so every channel gets them the same way.
 */
public interface Channel {

    /** The contact point kind this channel carries ({@link ContactPoint#kind()}). */
    String kind();

    /**
     * Sends one delivery once. It must not throw for a failure of the other side: it answers
     * {@link SendOutcome.Failed} and says whether trying again could help.
     */
    SendOutcome send(Delivery delivery);
}
