package io.forewarn.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * In {@code as-policy} mode every human step happens after a simulated delay, so that deadlines and
 * renewals are exercised rather than assumed.
 */
public record Delays(Duration drafting, Duration approval, Duration delivery, Duration acknowledgement) {

    public static final Delays DEFAULT =
            new Delays(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofHours(1));

    public Delays {
        for (Duration delay : new Duration[] {drafting, approval, delivery, acknowledgement}) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a simulated delay must not be negative");
            }
        }
    }
}
