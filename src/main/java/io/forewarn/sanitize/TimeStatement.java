package io.forewarn.sanitize;

import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
        ZonedDateTime from = window.from().atZone(zone);
        ZonedDateTime to = window.to().atZone(zone);
        return switch (level.name()) {
            case "exact" -> Optional.of(window);
            case "day" -> Optional.of(between(from.truncatedTo(ChronoUnit.DAYS), ceilingDay(to)));
            case "week" -> Optional.of(between(
                    from.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    ceilingDay(to).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))));
            case "month" -> Optional.of(between(
                    from.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1),
                    ceilingMonth(to)));
            default -> Optional.empty();
        };
    }

    /** Human wording of a stated window, e.g. "between 1 March 2024 and 31 March 2024". */
    public static String describe(TimeWindow stated, Level level, ZoneId zone) {
        ZonedDateTime from = stated.from().atZone(zone);
        ZonedDateTime to = stated.to().atZone(zone);
        if (level.name().equals("exact")) {
            return "between " + DATE_TIME.format(from) + " and " + DATE_TIME.format(to) + " (" + zone.getId() + ")";
        }
        LocalDate lastDay = to.toLocalDate().minusDays(to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 1 : 0);
        if (lastDay.equals(from.toLocalDate())) {
            return "on " + DATE.format(from);
        }
        return "between " + DATE.format(from) + " and " + DATE.format(lastDay);
    }

    private static TimeWindow between(ZonedDateTime from, ZonedDateTime to) {
        return new TimeWindow(from.toInstant(), to.toInstant());
    }

    private static ZonedDateTime ceilingDay(ZonedDateTime time) {
        ZonedDateTime day = time.truncatedTo(ChronoUnit.DAYS);
        return day.equals(time) ? day : day.plusDays(1);
    }

    private static ZonedDateTime ceilingMonth(ZonedDateTime time) {
        ZonedDateTime month = ceilingDay(time).withDayOfMonth(1);
        return month.equals(ceilingDay(time)) ? month : month.plusMonths(1);
    }
}
