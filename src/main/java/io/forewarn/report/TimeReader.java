package io.forewarn.report;

import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Times as files and requests write them: local to a given time zone ({@code 2024-03-07T08:00},
 * seconds optional, or a date alone for midnight), or with an explicit offset
 * ({@code 2024-03-07T08:00+03:00}, {@code ...Z}). A local time that the zone skips or repeats at a
 * clock change is refused rather than guessed: an hour's error decides whether a warning was late.
 */
public final class TimeReader {

    private static final Pattern SPACE_BETWEEN_DATE_AND_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(?=\\d)");

    private final ZoneId zone;

    /** @param zone the zone of times written without an offset */
    public TimeReader(ZoneId zone) {
        this.zone = zone;
    }

    public Instant instant(YamlValue value) {
        String text = SPACE_BETWEEN_DATE_AND_TIME.matcher(value.asText()).replaceFirst("$1T");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // no offset: local to the scenario's zone
        }
        LocalDateTime local;
        try {
            local = text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw value.problem("'" + value.asText() + "' is not a time (e.g. 2024-03-07T08:00, local to "
                    + zone + ", or 2024-03-07T08:00+03:00)");
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw value.problem(local + " does not exist in " + zone + " (the clocks skip it); give an offset");
        }
        if (offsets.size() > 1) {
            throw value.problem(local + " happens twice in " + zone + " (the clocks go back); give an offset, "
                    + "e.g. " + local.atOffset(offsets.get(0)));
        }
        return local.toInstant(offsets.get(0));
    }

    /** A {@code {from, to}} window; one that ends before it starts is refused at the window. */
    public TimeWindow window(YamlValue value) {
        YamlMap map = value.asMap().allowOnly("from", "to");
        Instant from = instant(map.get("from"));
        Instant to = instant(map.get("to"));
        if (!to.isAfter(from)) {
            throw value.problem("the window ends (" + map.get("to").asText() + ") before or when it starts ("
                    + map.get("from").asText() + ")");
        }
        return new TimeWindow(from, to);
    }
}
