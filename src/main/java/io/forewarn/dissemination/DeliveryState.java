package io.forewarn.dissemination;

import io.forewarn.code.Coded;

import java.util.Locale;

/**
 * Where a delivery stands in the outbox.
 *
 * <pre>
 *            claim               sent
 * queued ──────────► in-flight ─────────► sent
 *   ▲                   │  │
 *   └── failed, retry ──┘  └─ failed permanently, or the last attempt failed ─► dead-lettered
 * </pre>
 *
 * A delivery whose claim runs out while in flight (its node stopped) is claimed again; one of a kind no channel
 * carries here (liaison, or a channel not configured) stays queued until a person or a channel takes it.
 */
public enum DeliveryState implements Coded {
    QUEUED, IN_FLIGHT, SENT, DEAD_LETTERED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DeliveryState of(String code) {
        return Coded.of(DeliveryState.class, "state", code);
    }
}
