package io.forewarn.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the outbox tries to deliver a warning: at most {@code maxAttempts} sends of one delivery, the
 * n-th retry waiting a random time up to {@code baseBackoff × 2^(n-1)} (full jitter), never more than
 * {@code maxBackoff}. A delivery still not sent after its last attempt is dead-lettered and its obligation
 * escalated: a warning that cannot be delivered is not a warning.
 */
public record DeliveryRules(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    /** The rules of a policy that states none (and of the default policy file). */
    public static final DeliveryRules DEFAULT = new DeliveryRules(8, Duration.ofSeconds(30), Duration.ofHours(1));

    public DeliveryRules {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be 1 or more, not " + maxAttempts);
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (baseBackoff.isNegative() || baseBackoff.isZero()) {
            throw new IllegalArgumentException("base-backoff must be positive, not " + baseBackoff);
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("max-backoff (" + maxBackoff + ") must not be shorter than base-backoff ("
                    + baseBackoff + ")");
        }
    }
}
