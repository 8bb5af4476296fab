package io.forewarn.yaml;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * ISO-8601 durations as people write them in policy files: {@code PT4H} and {@code P7D}
 * ({@link Duration#parse}), and also weeks ({@code P2W}). Months and years are refused because
 * they have no fixed length, and a deadline must mean one thing.
 */
final class IsoDurations {

    private IsoDurations() {
    }

    static Optional<Duration> parse(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            // not a Duration; maybe a Period with weeks or days only
        }
        try {
            Period period = Period.parse(text);
            if (period.getYears() == 0 && period.getMonths() == 0) {
                return Optional.of(Duration.ofDays(period.getDays()));
            }
        } catch (DateTimeParseException e) {
            // neither; whyNot explains
        }
        return Optional.empty();
    }

    static String whyNot(String text) {
        try {
            Period period = Period.parse(text);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                return Printable.quoted(text) + " uses months or years, which have no fixed length; "
                        + "state days instead (e.g. P30D)";
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        return Printable.quoted(text) + " is not an ISO-8601 duration (e.g. PT4H, PT30M, P7D, P1DT12H)";
    }
}
