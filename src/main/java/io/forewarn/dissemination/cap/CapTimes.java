package io.forewarn.dissemination.cap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * CAP's times: {@code 2024-03-22T19:00:00+03:00}, whole seconds and a numeric offset, never {@code Z} (CAP 1.2,
 * 3.3.2: "the time zone ... must be represented as -00:00 or +00:00", and the XSD's pattern allows no fraction).
 */
final class CapTimes {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CapTimes() {
    }

    static String format(OffsetDateTime time) {
        return WRITTEN.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static OffsetDateTime parse(String text, String element) {
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CapFormatException("<" + element + "> is not a time with an offset (2024-03-22T19:00:00+03:00): " + text.strip());
        }
    }
}
