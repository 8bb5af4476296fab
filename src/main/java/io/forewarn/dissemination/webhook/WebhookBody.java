package io.forewarn.dissemination.webhook;

import io.forewarn.dissemination.Delivery;

/**
 * The JSON a webhook delivery carries: the delivery's id and kind, and the warning as the API renders it. Written
 * at the edge that owns the API's JSON (the domain has no JSON library), so a receiver reads the same shape as
 * {@code GET /api/v1/warnings/{id}} gives.
 */
@FunctionalInterface
public interface WebhookBody {

    /** The body's bytes, UTF-8 JSON. */
    byte[] of(Delivery delivery);
}
