package io.forewarn.policy;

import io.forewarn.code.Coded;
import io.forewarn.report.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How long the agency has to warn. A threat is imminent when its window starts within
 * {@code imminentWithin} of the report's receipt (or has already started).
 *
 * @param leadTime how long before its threat window opens a party must have been warned, where the
 *                 policy's deadline would leave it less
 */
public record Deadlines(Duration imminent, Duration standard, Duration imminentWithin, Duration leadTime) {

    public static final Duration DEFAULT_IMMINENT_WITHIN = Duration.ofHours(72);
    public static final Duration DEFAULT_LEAD_TIME = Duration.ofHours(24);

    /** What set a deadline. */
    public enum Basis implements Coded {
        /** The imminent (urgent) deadline: the threat starts soon, or has started. */
        IMMINENT,
        /** The default deadline. */
        DEFAULT,
        /** The lead time before the threat window opens, sooner than the policy's deadline. */
        LEAD_TIME,
        /** The end of the threat window, sooner than every other deadline. */
        WINDOW_END;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A deadline and what set it. */
    public record Due(Instant at, Basis basis) {
        public Due {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(basis, "basis");
        }
    }

    public Deadlines {
        Objects.requireNonNull(imminent, "imminent");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(imminentWithin, "imminentWithin");
        Objects.requireNonNull(leadTime, "leadTime");
        if (imminent.isNegative() || imminent.isZero() || standard.isNegative() || standard.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive durations");
        }
        if (leadTime.isNegative()) {
            throw new IllegalArgumentException("the lead time must not be negative");
        }
    }

    public boolean isImminent(Instant receivedAt, Instant threatStarts) {
        return !threatStarts.isAfter(receivedAt.plus(imminentWithin));
    }

    /**
     * The deadline for warning of a threat in {@code window}, reported at {@code receivedAt}: the policy's
     * (imminent or default), but never later than the lead time before the window opens — unless that comes
     * sooner than the urgent deadline (the window is open, or about to open), when the urgent deadline
     * holds — and never after the window ends (nor before the report came).
     */
    public Due due(Instant receivedAt, TimeWindow window) {
        Instant urgent = receivedAt.plus(imminent);
        Due due = isImminent(receivedAt, window.from()) ? new Due(urgent, Basis.IMMINENT)
                : new Due(receivedAt.plus(standard), Basis.DEFAULT);
        Instant beforeThreat = window.from().minus(leadTime);
        Due bound = beforeThreat.isAfter(urgent) ? new Due(beforeThreat, Basis.LEAD_TIME) : new Due(urgent, Basis.IMMINENT);
        if (bound.at().isBefore(due.at())) {
            due = bound;
        }
        Instant end = window.to().isAfter(receivedAt) ? window.to() : receivedAt;
        return end.isBefore(due.at()) ? new Due(end, Basis.WINDOW_END) : due;
    }
}
