package io.forewarn.policy;

import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a deadline falls against the threat window: the policy's deadline, but never later than the lead
 * time before the window opens (or, once that is sooner than the urgent deadline, the urgent one), and
 * never after the window ends. Imminent PT4H, default P3D, imminent within PT24H, lead time PT24H.
 */
class DeadlinesTest {

    static final Instant RECEIVED = Instant.parse("2024-03-07T05:00:00Z");
    static final Deadlines LONG = new Deadlines(Duration.ofHours(4), Duration.ofDays(3), Duration.ofHours(24),
            Duration.ofHours(24));

    static TimeWindow window(Duration from, Duration to) {
        return new TimeWindow(RECEIVED.plus(from), RECEIVED.plus(to));
    }

    @Test
    void theDefaultDeadlineIsKeptWhenItFallsBeforeTheLeadTime() {
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofDays(10), Duration.ofDays(12)));

        assertThat(due.at()).isEqualTo(RECEIVED.plus(Duration.ofDays(3)));
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.DEFAULT);
    }

    @Test
    void aDeadlineIsNeverLaterThanTheLeadTimeBeforeTheWindowOpens() {
        // the default deadline (3 days) would fall a day after the threat begins (2 days)
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofDays(2), Duration.ofDays(4)));

        assertThat(due.at()).isEqualTo(RECEIVED.plus(Duration.ofDays(1)));
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.LEAD_TIME);
    }

    @Test
    void aWindowAlreadyOpenGetsTheUrgentDeadline() {
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofHours(-1), Duration.ofDays(10)));

        assertThat(due.at()).isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.IMMINENT);
    }

    @Test
    void aWindowOpeningSoonerThanTheLeadTimeAllowsGetsTheUrgentDeadline() {
        // the lead time before the window (opening in 26 h) ends in 2 h, sooner than the urgent deadline
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofHours(26), Duration.ofDays(10)));

        assertThat(due.at()).isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.IMMINENT);
    }

    @Test
    void aDeadlineNeverFallsAfterTheWindowEnds() {
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofHours(-20), Duration.ofHours(1)));

        assertThat(due.at()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.WINDOW_END);
    }

    @Test
    void aWindowThatEndedBeforeTheReportCameIsDueAtOnce() {
        Deadlines.Due due = LONG.due(RECEIVED, window(Duration.ofDays(-3), Duration.ofDays(-2)));

        assertThat(due.at()).isEqualTo(RECEIVED);
        assertThat(due.basis()).isEqualTo(Deadlines.Basis.WINDOW_END);
    }

    @Test
    void theDefaultPolicyKeepsItsDeadlinesForTheCrocusReport() {
        Deadlines defaults = PolicyFile.defaultPolicy().deadlines();

        assertThat(defaults.leadTime()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.due(RECEIVED, window(Duration.ofHours(-5), Duration.ofDays(24))).at())
                .isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
        assertThat(defaults.due(RECEIVED, window(Duration.ofDays(5), Duration.ofDays(24))).at())
                .isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
    }
}
