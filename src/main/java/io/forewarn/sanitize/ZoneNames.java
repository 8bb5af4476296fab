package io.forewarn.sanitize;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The name a warning gives the zone of a moment: the JDK's short name in English ({@code MSK},
 * {@code TRT}, {@code IRST}, {@code CEST} in summer), which people of the place read on their own
 * clocks and tickets; where the JDK knows no such name and would write {@code GMT+03:00}, the offset
 * from UTC ({@code UTC+03:00}; {@code UTC} itself for zero).
 */
public final class ZoneNames {

    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private ZoneNames() {
    }

    public static String of(ZonedDateTime moment) {
        String name = SHORT_NAME.format(moment);
        if (!name.startsWith("GMT") && !name.startsWith("UTC") && !name.startsWith("+") && !name.startsWith("-")) {
            return name;
        }
        ZoneOffset offset = moment.getOffset();
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }
}
