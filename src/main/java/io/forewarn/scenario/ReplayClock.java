package io.forewarn.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The simulated clock a scenario replays under: it stands still until the replay moves it forward. */
public final class ReplayClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    public ReplayClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Moves the clock to {@code instant}; time never runs backwards. */
    public void advanceTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the replay clock cannot go back from " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in another zone: it moves when this clock moves. */
    @Override
    public Clock withZone(ZoneId other) {
        ReplayClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return source.withZone(zone);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
