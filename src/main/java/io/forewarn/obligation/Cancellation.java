package io.forewarn.obligation;

import java.time.Instant;
import java.util.Objects;

/**
 * Why and by whom an issued warning was withdrawn before its validity ended: from {@code at} on it is no longer in
 * force, covers no one, and is not renewed by the clock; its recipients are told (CAP {@code Cancel}).
 *
 * @param reason what the person who cancelled it said, leak-checked like every text written into a case
 */
public record Cancellation(Instant at, String by, String reason) {

    public Cancellation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }
}
