package io.forewarn.dissemination;

import io.forewarn.policy.DeliveryRules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What the outbox does after one attempt, by the policy's {@link DeliveryRules}: a sent delivery is done; a
 * temporary failure is tried again after an exponential backoff with full jitter (a random wait between zero
 * and {@code base × 2^(n-1)}, capped, so that many deliveries failing together do not come back together),
 * or later when the receiver asked for longer; a permanent failure, or the failure of the last attempt
 * allowed, dead-letters the delivery.
 *
 * <p>The randomness is given, so a test knows every wait exactly.
 */
public final class Retries {

    /** What comes after an attempt. */
    public sealed interface Next {
        record Done(String receipt) implements Next {
        }

        record RetryAt(Instant due, String reason) implements Next {
        }

        /** @param disable whether the contact point is to be disabled too (its receiver asked never again) */
        record DeadLetter(String reason, boolean disable) implements Next {
        }
    }

    private final DeliveryRules rules;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public Retries(DeliveryRules rules, DoubleSupplier random) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The next step for a delivery after its attempt number {@code attempt} (from 1) came to {@code outcome}. */
    public Next after(int attempt, SendOutcome outcome, Instant now) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return new Next.Done(sent.receipt());
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (failed.permanent()) {
            return new Next.DeadLetter(failed.reason(), failed.disable());
        }
        if (attempt >= rules.maxAttempts()) {
            return new Next.DeadLetter(failed.reason() + " (attempt " + attempt + " of " + rules.maxAttempts() + ")", false);
        }
        Duration wait = backoff(attempt);
        if (failed.retryAfter().isPresent() && failed.retryAfter().get().compareTo(wait) > 0) {
            wait = failed.retryAfter().get();
        }
        return new Next.RetryAt(now.plus(wait), failed.reason());
    }

    /** The wait after the {@code attempt}-th failure: uniform in [0, min(max, base × 2^(attempt-1))). */
    public Duration backoff(int attempt) {
        Duration ceiling = rules.maxBackoff();
        // doubling past the cap would overflow long before it mattered: stop once the cap is reached
        Duration step = rules.baseBackoff();
        for (int i = 1; i < attempt && step.compareTo(ceiling) < 0; i++) {
            step = step.multipliedBy(2);
        }
        if (step.compareTo(ceiling) > 0) {
            step = ceiling;
        }
        double draw = random.getAsDouble();
        if (draw < 0 || draw >= 1) {
            throw new IllegalStateException("the backoff's random draw must be in [0, 1), not " + draw);
        }
        return Duration.ofNanos((long) (step.toNanos() * draw));
    }
}
