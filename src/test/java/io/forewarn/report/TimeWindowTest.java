package io.forewarn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    private static final Instant FROM = Instant.parse("2024-03-07T05:00:00Z");

    @ParameterizedTest(name = "a window of {0} supports {1}")
    @CsvSource({
            "PT1M,          exact",
            "PT6H,          exact",
            "PT6H0.001S,    day",
            "PT6H1S,        day",
            "PT24H,         day",
            "PT24H1S,       week",
            "P7D,           week",
            "P7DT1S,        month",
            "P24D,          month",
            "P31D,          month",
            "P31DT1S,       none",
            "P60D,          none"})
    void theSupportedTimeLevelFollowsTheWindowsLength(String length, String level) {
        TimeWindow window = new TimeWindow(FROM, FROM.plus(Duration.parse(length)));

        assertThat(window.supportedLevel()).isEqualTo(Facet.TIME.level(level));
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> new TimeWindow(FROM, FROM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the window ends (2024-03-07T05:00:00Z) before or when it starts (2024-03-07T05:00:00Z)");
        assertThatThrownBy(() -> new TimeWindow(FROM, FROM.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before or when it starts");
        assertThatThrownBy(() -> new TimeWindow(null, FROM)).isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> new TimeWindow(FROM, null)).isInstanceOf(NullPointerException.class).hasMessage("to");
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        TimeWindow window = new TimeWindow(FROM, FROM.plus(Duration.ofHours(2)));

        assertThat(window.contains(FROM)).isTrue();
        assertThat(window.contains(FROM.plusSeconds(7199))).isTrue();
        assertThat(window.contains(FROM.plusSeconds(7200))).isFalse();
        assertThat(window.contains(FROM.minusNanos(1))).isFalse();
        assertThat(window.length()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void windowsContainAndOverlapOneAnother() {
        TimeWindow day = new TimeWindow(FROM, FROM.plus(Duration.ofDays(1)));
        TimeWindow morning = new TimeWindow(FROM, FROM.plus(Duration.ofHours(4)));
        TimeWindow nextDay = new TimeWindow(day.to(), day.to().plus(Duration.ofDays(1)));
        TimeWindow straddling = new TimeWindow(day.to().minusSeconds(60), day.to().plusSeconds(60));

        assertThat(day.containsWindow(morning)).isTrue();
        assertThat(day.containsWindow(day)).isTrue();
        assertThat(morning.containsWindow(day)).isFalse();
        assertThat(day.containsWindow(straddling)).isFalse();
        assertThat(day.overlaps(straddling)).isTrue();
        assertThat(day.overlaps(nextDay)).as("half-open windows that only touch do not overlap").isFalse();
    }
}
