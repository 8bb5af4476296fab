package io.forewarn.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How instants are written in summaries and findings meant for people: local to the agency's zone,
 * with the offset, so "12:00 +03:00" reads as the Moscow noon it was.
 */
public final class Timestamps {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx", Locale.ROOT);

    private Timestamps() {
    }

    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }
}
