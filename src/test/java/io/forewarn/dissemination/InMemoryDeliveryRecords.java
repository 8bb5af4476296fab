package io.forewarn.dissemination;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Deliveries a test says were made, as the outbox would have recorded them. */
public final class InMemoryDeliveryRecords implements DeliveryRecords {

    private final Map<String, Addressed> deliveries = new ConcurrentHashMap<>();

    public void put(Addressed delivery) {
        deliveries.put(delivery.deliveryId(), delivery);
    }

    @Override
    public Optional<Addressed> find(String deliveryId) {
        return Optional.ofNullable(deliveries.get(deliveryId));
    }
}
