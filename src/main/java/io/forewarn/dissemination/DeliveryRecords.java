package io.forewarn.dissemination;

import io.forewarn.party.ContactPoint;

import java.util.Objects;
import java.util.Optional;

/**
 * The deliveries the outbox has made, found by the id a receiver was sent: how an acknowledgement that
 * names a delivery (an email's link, a webhook's callback) finds the obligation it acknowledges and the
 * contact point whose secret authenticates it.
 */
public interface DeliveryRecords {

    /** The delivery with that id, whatever its state; empty when there is none. */
    Optional<Addressed> find(String deliveryId);

    /** Where a delivery went and what it was for. */
    record Addressed(String deliveryId, String warningId, String obligationId, String partyId, ContactPoint to) {
        public Addressed {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(warningId, "warningId");
            Objects.requireNonNull(obligationId, "obligationId");
            Objects.requireNonNull(partyId, "partyId");
            Objects.requireNonNull(to, "to");
        }
    }
}
