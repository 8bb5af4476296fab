package io.forewarn.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When an open loop's requests are due: at a constant rate, and on a ramp (the warm-up of {@code bench ingest}). */
class OpenLoopScheduleTest {

    @Test
    void aConstantRateSendsOneRequestEveryOneOverTheRateSeconds() {
        OpenLoop.Schedule schedule = OpenLoop.Schedule.ramp(10, 10, Duration.ofSeconds(3));

        assertThat(schedule.due()).isEqualTo(30);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(5)).isEqualTo(500_000_000L);
        assertThat(schedule.offsetNanos(29)).isEqualTo(2_900_000_000L);
    }

    @Test
    void aRampSendsTheMeanRateAndRisesEvenly() {
        // 20/s rising to 200/s over 2 s: 220 requests, 65 of them in the first second (20 + 180 / 4), 155 in the second
        OpenLoop.Schedule schedule = OpenLoop.Schedule.ramp(20, 200, Duration.ofSeconds(2));

        assertThat(schedule.due()).isEqualTo(220);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(65)).isEqualTo(1_000_000_000L);
        assertThat(schedule.offsetNanos(220)).isEqualTo(2_000_000_000L);
        // the gaps shrink from 1/20 s towards 1/200 s
        assertThat(schedule.offsetNanos(1)).isBetween(45_000_000L, 50_000_000L);
        assertThat(schedule.offsetNanos(220) - schedule.offsetNanos(219)).isBetween(5_000_000L, 5_100_000L);
    }
}
