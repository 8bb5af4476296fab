package io.forewarn.obligation;

import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, point 3: a deadline lies inside the threat window as the agency knows it now, revisions included. */
class RevisedWindowBringsDeadlinesForwardTest {

    private static final Instant FAR = RECEIVED.plus(Duration.ofDays(10));

    @Test
    void aRevisionThatBringsTheThreatNearerBringsTheDeadlinesForward() {
        Desk desk = Desk.crocus();
        List<Obligation> opened = desk.duty.receive(Desk.withWindow(R1_UNMARKED, FAR, FAR.plus(Duration.ofDays(2))), "analyst-1");
        assertThat(opened).hasSize(4).allSatisfy(o -> assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(24))));

        // two hours later the threat is learnt to start in three hours: imminent, due four hours from the revision
        desk.later(Duration.ofHours(2)).duty.revise(R1_UNMARKED.id(), Optional.empty(),
                Optional.of(new TimeWindow(RECEIVED.plus(Duration.ofHours(5)), RECEIVED.plus(Duration.ofDays(2)))), "analyst-2");

        assertThat(desk.casebook.obligationsOf(R1_UNMARKED.id()))
                .allSatisfy(o -> assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(6))));
        List<TimelineEntry> moved = desk.events("deadline-brought-forward");
        assertThat(moved).hasSize(4).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("analyst-2");
            assertThat(e.summary()).contains("now due 2024-03-07 14:00 +03:00 (imminent), was 2024-03-08 08:00 +03:00, upon report-revised");
        });
        Transition step = desk.obligation(opened.get(0).id()).history().get(1);
        assertThat(step.from()).isEqualTo(ObligationState.OPEN);
        assertThat(step.to()).isEqualTo(ObligationState.OPEN);
        assertThat(step.note()).startsWith("deadline brought forward to 2024-03-07 14:00 +03:00");
    }

    @Test
    void aRevisionThatPutsTheThreatLaterLeavesTheDeadlinesWhereTheyWere() {
        Desk desk = Desk.crocus();
        desk.duty.receive(Desk.withWindow(R1_UNMARKED, FAR, FAR.plus(Duration.ofDays(2))), "analyst-1");

        desk.later(Duration.ofHours(2)).duty.revise(R1_UNMARKED.id(), Optional.empty(),
                Optional.of(new TimeWindow(FAR.plus(Duration.ofDays(20)), FAR.plus(Duration.ofDays(22)))), "analyst-2");

        assertThat(desk.casebook.obligationsOf(R1_UNMARKED.id()))
                .allSatisfy(o -> assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(24))));
        assertThat(desk.events("deadline-brought-forward")).isEmpty();
    }

    @Test
    void theSweepHoldsAnObligationToItsBroughtForwardDeadline() {
        Desk desk = Desk.crocus();
        desk.duty.receive(Desk.withWindow(R1_UNMARKED, FAR, FAR.plus(Duration.ofDays(2))), "analyst-1");
        desk.later(Duration.ofHours(2)).duty.revise(R1_UNMARKED.id(), Optional.empty(),
                Optional.of(new TimeWindow(RECEIVED.plus(Duration.ofHours(5)), RECEIVED.plus(Duration.ofDays(2)))), "analyst-2");

        desk.sweepAt(RECEIVED.plus(Duration.ofHours(6)));

        assertThat(desk.casebook.obligationsOf(R1_UNMARKED.id()))
                .allSatisfy(o -> assertThat(o.state()).isIn(ObligationState.OVERDUE, ObligationState.ESCALATED));
    }
}
