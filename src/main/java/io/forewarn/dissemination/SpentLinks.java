package io.forewarn.dissemination;

import java.time.Instant;

/**
 * The deliveries whose acknowledgement link has been used: a link works once, however often it is followed or
 * sent again (a delivery retried by the outbox carries a new link to the same delivery, and only one of them counts).
 */
public interface SpentLinks {

    /**
     * Marks the delivery's link as used, in the transaction that records its acknowledgement.
     *
     * @return false when it was used before (nothing is changed then)
     */
    boolean spend(String deliveryId, Instant at);

    /** Whether the delivery's link has been used, so that opening it again says so rather than ask again. */
    boolean isSpent(String deliveryId);
}
