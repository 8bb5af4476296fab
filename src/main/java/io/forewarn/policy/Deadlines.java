package io.forewarn.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the agency has to warn. A threat is imminent when its window starts within
 * {@code imminentWithin} of the report's receipt (or has already started).
 */
public record Deadlines(Duration imminent, Duration standard, Duration imminentWithin) {

    public static final Duration DEFAULT_IMMINENT_WITHIN = Duration.ofHours(72);

    public Deadlines {
        Objects.requireNonNull(imminent, "imminent");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(imminentWithin, "imminentWithin");
        if (imminent.isNegative() || imminent.isZero() || standard.isNegative() || standard.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive durations");
        }
    }

    public boolean isImminent(Instant receivedAt, Instant threatStarts) {
        return !threatStarts.isAfter(receivedAt.plus(imminentWithin));
    }

    public Instant deadline(Instant receivedAt, Instant threatStarts) {
        return receivedAt.plus(isImminent(receivedAt, threatStarts) ? imminent : standard);
    }
}
