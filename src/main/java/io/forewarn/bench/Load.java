package io.forewarn.bench;

import java.time.Duration;

/**
 * The open-loop load a bench offers in each of its stretches ({@link OpenLoop}).
 *
 * @param rate        requests per second offered
 * @param duration    how long each stretch is measured
 * @param warmup      how long each is offered unmeasured first
 * @param maxInFlight requests outstanding at most
 */
public record Load(double rate, Duration duration, Duration warmup, int maxInFlight) {

    public Load {
        if (!(rate > 0) || duration.toSeconds() < 1 || warmup.isNegative() || maxInFlight < 1) {
            throw new IllegalArgumentException("--rate must be above 0, --duration 1 or more, --warmup 0 or more and "
                    + "--max-in-flight 1 or more");
        }
    }
}
