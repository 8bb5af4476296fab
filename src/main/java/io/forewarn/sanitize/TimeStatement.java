package io.forewarn.sanitize;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * States a threat window at a time level. A level states a window that contains the true one, so a
 * coarser level widens the window to whole days, weeks (Monday first) or months in the agency's zone.
 */
public final class TimeStatement {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm", Locale.ENGLISH);

    private TimeStatement() {
    }

    /** The window as stated at {@code level}; empty for {@code none}. */
    public static Optional<TimeWindow> widen(TimeWindow window, Level level, ZoneId zone) {
        if (level.facet() != Facet.TIME) {
            throw new IllegalArgumentException(level + " is not a time level");
        }
        // Whole days are counted as local dates and turned into instants only at the end: where a
        // clock change skips midnight, a day starts at the first instant it has (e.g. 01:00), and
        // adjusting such a time to Monday or the 1st would carry the 01:00 over to a day that has a midnight.
        LocalDate first = window.from().atZone(zone).toLocalDate();
        LocalDate end = endDate(window.to().atZone(zone));
        return switch (level.name()) {
            case "exact" -> Optional.of(window);
            case "day" -> Optional.of(between(first, end, zone));
            case "week" -> Optional.of(between(first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    end.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), zone));
            case "month" -> Optional.of(between(first.withDayOfMonth(1),
                    end.getDayOfMonth() == 1 ? end : end.withDayOfMonth(1).plusMonths(1), zone));
            default -> Optional.empty();
        };
    }

    /** Human wording of a day, e.g. "22 March 2024". */
    public static String day(LocalDate date) {
        return DATE.format(date);
    }

    /** Human wording of a stated window, e.g. "between 1 March 2024 and 31 March 2024". */
    public static String describe(TimeWindow stated, Level level, ZoneId zone) {
        ZonedDateTime from = stated.from().atZone(zone);
        ZonedDateTime to = stated.to().atZone(zone);
        if (level.name().equals("exact")) {
            return "between " + DATE_TIME.format(from) + " and " + DATE_TIME.format(to) + " (" + zone.getId() + ")";
        }
        LocalDate lastDay = endDate(to).minusDays(1);
        if (lastDay.equals(from.toLocalDate())) {
            return "on " + day(from.toLocalDate());
        }
        return "between " + day(from.toLocalDate()) + " and " + day(lastDay);
    }

    private static TimeWindow between(LocalDate first, LocalDate end, ZoneId zone) {
        return new TimeWindow(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    /** The first local date not touched by a window ending (exclusively) at {@code time}. */
    private static LocalDate endDate(ZonedDateTime time) {
        LocalDate date = time.toLocalDate();
        return time.equals(date.atStartOfDay(time.getZone())) ? date : date.plusDays(1);
    }
}
