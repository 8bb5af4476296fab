package io.forewarn.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval of time [from, to). */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before or when it starts (" + from + ")");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    public boolean containsWindow(TimeWindow other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }

    public boolean overlaps(TimeWindow other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    /**
     * The most specific time level this window can honestly be stated at: a level states a window
     * that contains the true one, so a 24-day window supports {@code month} at best.
     */
    public Level supportedLevel() {
        Duration length = length();
        if (length.compareTo(Duration.ofHours(6)) <= 0) {
            return Facet.TIME.level("exact");
        }
        if (length.compareTo(Duration.ofDays(1)) <= 0) {
            return Facet.TIME.level("day");
        }
        if (length.compareTo(Duration.ofDays(7)) <= 0) {
            return Facet.TIME.level("week");
        }
        if (length.compareTo(Duration.ofDays(31)) <= 0) {
            return Facet.TIME.level("month");
        }
        return Facet.TIME.none();
    }
}
