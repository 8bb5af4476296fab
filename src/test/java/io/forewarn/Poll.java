package io.forewarn;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Test helper: waits on a condition rather than sleeping a guessed time. The condition is asked
 * every {@value #EVERY_MS} ms; it may throw to fail at once (a server that died, say).
 */
public final class Poll {

    private static final long EVERY_MS = 50;

    private Poll() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code failure}'s message if it does not within {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(failure.get() + " (waited " + timeout + ")");
            }
            pause();
        }
    }

    /** Checks that {@code condition} holds for the whole of {@code period}; fails the first time it does not. */
    public static void throughout(Duration period, BooleanSupplier condition, Supplier<String> failure) {
        Instant until = Instant.now().plus(period);
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError(failure.get());
            }
            pause();
        } while (Instant.now().isBefore(until));
    }

    private static void pause() {
        try {
            Thread.sleep(EVERY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
