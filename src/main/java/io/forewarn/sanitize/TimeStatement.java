package io.forewarn.sanitize;

import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * States a threat window at a time level. A level states a window that contains the true one, so a
 * coarser level widens the window to whole days, weeks (Monday first) or months in the zone of the
 * threatened place.
 */
public final class TimeStatement {

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

    /** Human wording of a day in English, e.g. "22 March 2024". */
    public static String day(LocalDate date) {
        return Phrasebook.of(Language.ENGLISH).date().format(date);
    }

    /**
     * The time sentence of a stated window in a phrasebook's language: days for day, week and month
     * ("Dates: from 1 March 2024 to 31 March 2024."), and at {@code exact} the first and last moment,
     * each with the zone's name ("Time: from 22 March 2024, 19:00 MSK to 22 March 2024, 23:00 MSK.").
     *
     * @param zone the zone of the threatened place, in which the window was stated
     */
    public static String describe(TimeWindow stated, Level level, ZoneId zone, Phrasebook book) {
        ZonedDateTime from = stated.from().atZone(zone);
        ZonedDateTime to = stated.to().atZone(zone);
        if (level.name().equals("exact")) {
            return book.say("time", Map.of("level", level.name(), "span", "range",
                    "from", book.dateTime().format(from) + " " + ZoneNames.of(from),
                    "to", book.dateTime().format(to) + " " + ZoneNames.of(to)));
        }
        LocalDate lastDay = endDate(to).minusDays(1);
        boolean oneDay = lastDay.equals(from.toLocalDate());
        return book.say("time", Map.of("level", level.name(), "span", oneDay ? "one_day" : "range",
                "from", book.date().format(from.toLocalDate()), "to", book.date().format(lastDay)));
    }

    /**
     * The dates (or, at exact, the moments) a stated window is written with in a phrasebook's language,
     * without the words around them: what a text must hold to state it.
     */
    static List<String> days(TimeWindow stated, Level level, ZoneId zone, Phrasebook book) {
        ZonedDateTime from = stated.from().atZone(zone);
        ZonedDateTime to = stated.to().atZone(zone);
        if (level.name().equals("exact")) {
            return List.of(book.dateTime().format(from), book.dateTime().format(to));
        }
        return List.of(book.date().format(from.toLocalDate()), book.date().format(endDate(to).minusDays(1)));
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
