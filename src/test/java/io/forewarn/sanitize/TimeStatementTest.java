package io.forewarn.sanitize;

import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeStatementTest {

    private static final Phrasebook ENGLISH = Phrasebook.of(Language.ENGLISH);

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Level EXACT = Facet.TIME.level("exact");
    private static final Level DAY = Facet.TIME.level("day");
    private static final Level WEEK = Facet.TIME.level("week");
    private static final Level MONTH = Facet.TIME.level("month");
    private static final Level NONE = Facet.TIME.none();

    /** Thursday 7 March 2024, 10:00 to 14:00 Moscow time. */
    private static final TimeWindow THURSDAY_MIDDAY = moscow("2024-03-07T10:00", "2024-03-07T14:00");

    @Test
    void exactKeepsTheWindowAsItIs() {
        assertThat(TimeStatement.widen(THURSDAY_MIDDAY, EXACT, MOSCOW)).hasValue(THURSDAY_MIDDAY);
    }

    @Test
    void dayWidensToTheWholeLocalDay() {
        assertThat(TimeStatement.widen(THURSDAY_MIDDAY, DAY, MOSCOW))
                .hasValue(moscow("2024-03-07T00:00", "2024-03-08T00:00"));
    }

    @Test
    void weekWidensToTheWholeWeekStartingOnMonday() {
        assertThat(TimeStatement.widen(THURSDAY_MIDDAY, WEEK, MOSCOW))
                .hasValue(moscow("2024-03-04T00:00", "2024-03-11T00:00"));
    }

    @Test
    void monthWidensToTheWholeCalendarMonth() {
        assertThat(TimeStatement.widen(THURSDAY_MIDDAY, MONTH, MOSCOW))
                .hasValue(moscow("2024-03-01T00:00", "2024-04-01T00:00"));
    }

    @Test
    void noneStatesNoWindow() {
        assertThat(TimeStatement.widen(THURSDAY_MIDDAY, NONE, MOSCOW)).isEmpty();
    }

    @Test
    void aWindowEndingAtLocalMidnightDoesNotSpillIntoTheNextDayWeekOrMonth() {
        TimeWindow lastEvening = moscow("2024-03-31T20:00", "2024-04-01T00:00");

        assertThat(TimeStatement.widen(lastEvening, DAY, MOSCOW)).hasValue(moscow("2024-03-31T00:00", "2024-04-01T00:00"));
        assertThat(TimeStatement.widen(lastEvening, WEEK, MOSCOW)).hasValue(moscow("2024-03-25T00:00", "2024-04-01T00:00"));
        assertThat(TimeStatement.widen(lastEvening, MONTH, MOSCOW)).hasValue(moscow("2024-03-01T00:00", "2024-04-01T00:00"));
    }

    @Test
    void aWindowCrossingABoundaryIsWidenedOverBothSides() {
        TimeWindow sundayNight = moscow("2024-03-31T22:00", "2024-04-01T02:00");

        assertThat(TimeStatement.widen(sundayNight, DAY, MOSCOW)).hasValue(moscow("2024-03-31T00:00", "2024-04-02T00:00"));
        assertThat(TimeStatement.widen(sundayNight, WEEK, MOSCOW)).hasValue(moscow("2024-03-25T00:00", "2024-04-08T00:00"));
        assertThat(TimeStatement.widen(sundayNight, MONTH, MOSCOW)).hasValue(moscow("2024-03-01T00:00", "2024-05-01T00:00"));
    }

    @Test
    void daysAreCountedInTheGivenZone() {
        // 01:30 to 02:30 on 7 March in Moscow is still 6 March in UTC
        TimeWindow earlyMorning = moscow("2024-03-07T01:30", "2024-03-07T02:30");

        assertThat(TimeStatement.widen(earlyMorning, DAY, MOSCOW)).hasValue(new TimeWindow(
                Instant.parse("2024-03-06T21:00:00Z"), Instant.parse("2024-03-07T21:00:00Z")));
        assertThat(TimeStatement.widen(earlyMorning, DAY, ZoneId.of("UTC"))).hasValue(new TimeWindow(
                Instant.parse("2024-03-06T00:00:00Z"), Instant.parse("2024-03-07T00:00:00Z")));
    }

    @Test
    void whereClocksGoForwardAtMidnightADayStartsAtOneAndAWeekStillEndsAtMondayMidnight() {
        // Beirut moved its clocks from 00:00 to 01:00 on Sunday 31 March 2024; that day starts at 01:00
        ZoneId beirut = ZoneId.of("Asia/Beirut");
        TimeWindow saturday = new TimeWindow(LocalDateTime.parse("2024-03-30T10:00").atZone(beirut).toInstant(),
                LocalDateTime.parse("2024-03-30T14:00").atZone(beirut).toInstant());
        Instant sundayStarts = Instant.parse("2024-03-30T22:00:00Z");   // 31 March 01:00 +03:00
        Instant mondayStarts = Instant.parse("2024-03-31T21:00:00Z");   // 1 April 00:00 +03:00
        Instant weekStarts = Instant.parse("2024-03-24T22:00:00Z");     // 25 March 00:00 +02:00

        TimeWindow day = TimeStatement.widen(saturday, DAY, beirut).orElseThrow();
        TimeWindow week = TimeStatement.widen(saturday, WEEK, beirut).orElseThrow();

        assertThat(day).isEqualTo(new TimeWindow(Instant.parse("2024-03-29T22:00:00Z"), sundayStarts));
        assertThat(TimeStatement.describe(day, DAY, beirut, ENGLISH)).isEqualTo("Date: 30 March 2024.");
        assertThat(week).isEqualTo(new TimeWindow(weekStarts, mondayStarts));
        assertThat(TimeStatement.describe(week, WEEK, beirut, ENGLISH)).isEqualTo("Dates: from 25 March 2024 to 31 March 2024.");
    }

    @Test
    void onlyTimeLevelsCanStateAWindow() {
        assertThatThrownBy(() -> TimeStatement.widen(THURSDAY_MIDDAY, Facet.PLACE.level("locality"), MOSCOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("place:locality is not a time level");
    }

    @Test
    void theWidenedWindowAlwaysContainsTheTrueOneAndStartsAndEndsOnTheLevelsBoundaries() {
        List<ZoneId> zones = List.of(MOSCOW, ZoneId.of("Europe/London"), ZoneId.of("America/Sao_Paulo"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"));
        List<Duration> lengths = List.of(Duration.ofMinutes(1), Duration.ofHours(5), Duration.ofHours(6),
                Duration.ofHours(23), Duration.ofDays(1), Duration.ofHours(25), Duration.ofDays(7),
                Duration.ofDays(10), Duration.ofDays(31), Duration.ofDays(45));
        Instant start = Instant.parse("2011-01-01T00:00:00Z");
        int checked = 0;
        for (ZoneId zone : zones) {
            for (Instant from = start; from.isBefore(start.plus(Duration.ofDays(730))); from = from.plus(Duration.ofMinutes(397))) {
                for (Duration length : lengths) {
                    TimeWindow window = new TimeWindow(from, from.plus(length));
                    for (Level level : List.of(EXACT, DAY, WEEK, MONTH)) {
                        TimeWindow stated = TimeStatement.widen(window, level, zone).orElseThrow();
                        if (!stated.containsWindow(window) || !onBoundaries(stated, level, zone)) {
                            throw new AssertionError(level + " in " + zone + " states " + stated + " for " + window);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void aStatedWindowIsDescribedInWordsOfItsLevel() {
        assertThat(describe(THURSDAY_MIDDAY, EXACT))
                .isEqualTo("Time: from 7 March 2024, 10:00 MSK to 7 March 2024, 14:00 MSK.");
        assertThat(describe(THURSDAY_MIDDAY, DAY)).isEqualTo("Date: 7 March 2024.");
        assertThat(describe(THURSDAY_MIDDAY, WEEK)).isEqualTo("Dates: from 4 March 2024 to 10 March 2024.");
        assertThat(describe(THURSDAY_MIDDAY, MONTH)).isEqualTo("Dates: from 1 March 2024 to 31 March 2024.");
    }

    private static String describe(TimeWindow window, Level level) {
        return TimeStatement.describe(TimeStatement.widen(window, level, MOSCOW).orElseThrow(), level, MOSCOW, ENGLISH);
    }

    /** Whether a widened window starts and ends where its level's periods do (exact has no boundaries). */
    private static boolean onBoundaries(TimeWindow stated, Level level, ZoneId zone) {
        if (level == EXACT) {
            return true;
        }
        ZonedDateTime from = stated.from().atZone(zone);
        ZonedDateTime to = stated.to().atZone(zone);
        for (ZonedDateTime end : List.of(from, to)) {
            if (!isStartOfDay(end)) {
                return false;
            }
            if (level == WEEK && end.getDayOfWeek() != DayOfWeek.MONDAY) {
                return false;
            }
            if (level == MONTH && end.getDayOfMonth() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Local midnight, or the first instant of the day where midnight was skipped by a clock change. */
    private static boolean isStartOfDay(ZonedDateTime time) {
        return time.equals(time.toLocalDate().atStartOfDay(time.getZone()));
    }

    private static TimeWindow moscow(String from, String to) {
        return new TimeWindow(LocalDateTime.parse(from).atZone(MOSCOW).toInstant(),
                LocalDateTime.parse(to).atZone(MOSCOW).toInstant());
    }
}
