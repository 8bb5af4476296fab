package io.forewarn.obligation;

import io.forewarn.policy.Role;
import io.forewarn.report.TimeWindow;
import io.forewarn.policy.Audience;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.forewarn.Crocus.AUTHORITIES;
import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.obligation.ObligationState.ACKNOWLEDGED;
import static io.forewarn.obligation.ObligationState.APPROVED;
import static io.forewarn.obligation.ObligationState.CLOSED;
import static io.forewarn.obligation.ObligationState.DRAFTED;
import static io.forewarn.obligation.ObligationState.ESCALATED;
import static io.forewarn.obligation.ObligationState.EXPIRED;
import static io.forewarn.obligation.ObligationState.ISSUED;
import static io.forewarn.obligation.ObligationState.OPEN;
import static io.forewarn.obligation.ObligationState.OVERDUE;
import static io.forewarn.obligation.ObligationState.RENEWED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the clock alone decides under the default policy: deadline PT4H for R-1 (its threat window
 * has started), escalation to approver then director, validity P7D, renewal PT6H before expiry.
 */
class DeadlineSweepTest {

    static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");
    static final String OBLIGATION = "R-1/ru-authorities";
    static final Duration PERIOD = Duration.ofHours(4);
    static final Instant DEADLINE = RECEIVED.plus(PERIOD);
    static final Instant WINDOW_END = R1_UNMARKED.window().to();

    /** One party, ru-authorities, that R-1 obliges the desk to warn. */
    static Desk received() {
        Desk desk = new Desk(List.of(AUTHORITIES));
        desk.duty.receive(R1_UNMARKED, "analyst-1");
        return desk;
    }

    /** Drafts, approves and issues the warning to ru-authorities at {@code at}. */
    static Warning issueAt(Desk desk, Instant at) {
        desk.at(at);
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
        desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
        return desk.duty.issue(draft.id(), "approver-1");
    }

    /** Runs the sweep at every instant nextDueAfter names, as a replay does; the instants, in order. */
    static List<Instant> sweepWheneverDue(Desk desk) {
        List<Instant> stops = new ArrayList<>();
        Optional<Instant> next = desk.sweep.nextDueAfter(desk.clock.instant());
        while (next.isPresent() && stops.size() < 20) {
            stops.add(next.get());
            desk.sweepAt(next.get());
            next = desk.sweep.nextDueAfter(desk.clock.instant());
        }
        return stops;
    }

    static List<String> escalationSummaries(Desk desk) {
        return desk.events("obligation-escalated").stream().map(TimelineEntry::summary).toList();
    }

    @Nested
    class Deadlines {

        @Test
        void anOpenObligationIsLeftAloneBeforeItsDeadline() {
            Desk desk = received().sweepAt(DEADLINE.minusSeconds(1));

            assertThat(desk.state(OBLIGATION)).isEqualTo(OPEN);
            assertThat(desk.eventTypes()).containsExactly("report-received", "obligation-opened");
        }

        @Test
        void pastItsDeadlineItIsOverdueAndEscalatedToTheFirstRoleOfTheChain() {
            Desk desk = received().sweepAt(DEADLINE);

            Obligation o = desk.obligation(OBLIGATION);
            assertThat(o.state()).isEqualTo(ESCALATED);
            assertThat(o.escalations()).isEqualTo(1);
            assertThat(o.resumeState()).contains(OPEN);
            assertThat(o.history()).extracting(Transition::to, Transition::actor, Transition::at, Transition::note)
                    .endsWith(
                            tuple(OVERDUE, DutyToWarn.SCHEDULER, DEADLINE, "deadline 2024-03-07 12:00 +03:00 passed"),
                            tuple(ESCALATED, DutyToWarn.SCHEDULER, DEADLINE, "escalated to approver"));
            assertThat(desk.eventTypes()).endsWith("obligation-overdue", "obligation-escalated");
            assertThat(desk.events("obligation-overdue")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(OBLIGATION);
                assertThat(e.summary()).isEqualTo(
                        "obligation to warn ru-authorities is overdue (deadline 2024-03-07 12:00 +03:00)");
            });
            assertThat(escalationSummaries(desk))
                    .containsExactly("overdue obligation R-1/ru-authorities escalated to approver");
        }

        @Test
        void oneDeadlinePeriodLaterItGoesToTheNextRoleAndNeverBeyondTheChain() {
            Desk desk = received().sweepAt(DEADLINE);

            desk.sweepAt(DEADLINE.plus(PERIOD).minusSeconds(1));
            assertThat(desk.obligation(OBLIGATION).escalations()).isEqualTo(1);

            desk.sweepAt(DEADLINE.plus(PERIOD));
            assertThat(desk.obligation(OBLIGATION).escalations()).isEqualTo(2);
            assertThat(desk.obligation(OBLIGATION).history()).last().extracting(Transition::note)
                    .isEqualTo("escalated to director");

            desk.sweepAt(DEADLINE.plus(PERIOD.multipliedBy(2)));
            desk.sweepAt(DEADLINE.plus(PERIOD.multipliedBy(3)));
            desk.sweepAt(DEADLINE.plus(Duration.ofDays(10)));
            assertThat(desk.obligation(OBLIGATION).escalations()).isEqualTo(2);
            assertThat(escalationSummaries(desk)).containsExactly(
                    "overdue obligation R-1/ru-authorities escalated to approver",
                    "overdue obligation R-1/ru-authorities escalated to director");
            assertThat(desk.events("obligation-overdue")).hasSize(1);
        }

        @Test
        void sweepingAgainAtTheSameInstantDecidesNothingNew() {
            Desk desk = received().sweepAt(DEADLINE);
            int events = desk.casebook.events().size();

            desk.sweep.sweep();
            desk.sweep.sweep();

            assertThat(desk.casebook.events()).hasSize(events);
            assertThat(desk.obligation(OBLIGATION).escalations()).isEqualTo(1);
        }

        @Test
        void anOverdueDraftResumesWhereItStood() {
            Desk desk = received().at(RECEIVED.plus(Duration.ofHours(1)));
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.sweepAt(DEADLINE);
            assertThat(desk.obligation(OBLIGATION).workingState()).isEqualTo(DRAFTED);

            desk.at(DEADLINE.plus(Duration.ofHours(1))).duty.approve(draft.id(), "approver-1", Role.APPROVER);

            assertThat(desk.state(OBLIGATION)).isEqualTo(APPROVED);
            assertThat(desk.obligation(OBLIGATION).resumeState()).isEmpty();
        }

        @Test
        void anEscalatedObligationOnWhichWorkResumesStillReachesTheDirectorAndNeverGoesBackDown() {
            Desk desk = received().sweepAt(DEADLINE);
            desk.at(DEADLINE.plus(Duration.ofHours(1))).duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.sweep.sweep();
            assertThat(desk.sweep.nextDueAfter(desk.clock.instant())).contains(DEADLINE.plus(PERIOD));

            desk.sweepAt(DEADLINE.plus(PERIOD));
            desk.sweepAt(DEADLINE.plus(PERIOD.multipliedBy(5)));

            assertThat(escalationSummaries(desk)).containsExactly(
                    "overdue obligation R-1/ru-authorities escalated to approver",
                    "overdue obligation R-1/ru-authorities escalated to director");
            assertThat(desk.obligation(OBLIGATION).workingState()).isEqualTo(DRAFTED);
        }

        @Test
        void anIssuedObligationIsNeverOverdue() {
            Desk desk = received();
            issueAt(desk, RECEIVED.plus(Duration.ofHours(1)));

            desk.sweepAt(DEADLINE).sweepAt(DEADLINE.plus(PERIOD));

            assertThat(desk.state(OBLIGATION)).isEqualTo(ISSUED);
            assertThat(desk.events("obligation-overdue")).isEmpty();
            assertThat(desk.events("obligation-escalated")).isEmpty();
        }
    }

    @Nested
    class ExpiryAndRenewal {

        final Instant issuedAt = RECEIVED.plus(Duration.ofHours(1));
        final Instant validUntil = issuedAt.plus(Duration.ofDays(7));
        final Instant renewalDue = validUntil.minus(Duration.ofHours(6));

        @Test
        void anIssuedWarningExpiresAtTheEndOfItsValidity() {
            Desk desk = received();
            Warning warning = issueAt(desk, issuedAt);

            desk.sweepAt(validUntil.minusSeconds(1));
            assertThat(desk.state(OBLIGATION)).isEqualTo(ISSUED);
            assertThat(desk.events("warning-expired")).isEmpty();

            desk.sweepAt(validUntil);
            assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
            assertThat(desk.obligation(OBLIGATION).history()).last()
                    .extracting(Transition::actor, Transition::at, Transition::note)
                    .containsExactly(DutyToWarn.SCHEDULER, validUntil, "warning " + warning.id() + " expired");
            assertThat(desk.events("warning-expired")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(OBLIGATION);
                assertThat(e.summary()).isEqualTo("warning " + warning.id() + " to ru-authorities expired while the "
                        + "threat window is open until 2024-03-31 00:00 +03:00; no renewal was issued");
            });
        }

        @Test
        void aDeliveredAndAcknowledgedWarningExpiresToo() {
            Desk desk = received();
            issueAt(desk, issuedAt);
            desk.duty.deliver(OBLIGATION, "liaison-1", "liaison");
            desk.duty.acknowledge(OBLIGATION, "liaison-1");

            desk.sweepAt(validUntil);

            assertThat(desk.obligation(OBLIGATION).history()).extracting(Transition::to)
                    .endsWith(ACKNOWLEDGED, EXPIRED);
        }

        @Test
        void aWarningThatCouldNotBeDeliveredExpiresItsEscalatedObligationWhenItEnds() {
            Desk desk = received();
            Warning warning = issueAt(desk, issuedAt);
            desk.later(Duration.ofMinutes(30)).duty.deadLettered(OBLIGATION, "dlv-1", "email", 8,
                    "every attempt the policy allows failed", true);
            assertThat(desk.state(OBLIGATION)).isEqualTo(ESCALATED);

            desk.sweepAt(validUntil.minusSeconds(1));
            assertThat(desk.state(OBLIGATION)).isEqualTo(ESCALATED);
            assertThat(desk.sweep.nextDueAfter(validUntil.minusSeconds(1))).contains(validUntil);
            desk.sweepAt(validUntil);

            assertThat(desk.state(OBLIGATION)).as("not covered: the warning never reached the party").isEqualTo(EXPIRED);
            assertThat(desk.events("warning-expired")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(OBLIGATION);
                assertThat(e.summary()).startsWith("warning " + warning.id() + " to ru-authorities expired while the ");
            });
        }

        @Test
        void renewalFallsDueExactlyTheRenewalLeadBeforeExpiryAndOnlyOnce() {
            Desk desk = received();
            Warning warning = issueAt(desk, issuedAt);

            desk.sweepAt(renewalDue.minusSeconds(1));
            assertThat(desk.events("renewal-due")).isEmpty();

            desk.sweepAt(renewalDue);
            assertThat(desk.events("renewal-due")).singleElement().satisfies(e -> {
                assertThat(e.at()).isEqualTo(renewalDue);
                assertThat(e.subject()).isEqualTo(warning.id());
                assertThat(e.actor()).isEqualTo(DutyToWarn.SCHEDULER);
                assertThat(e.summary()).isEqualTo("warning " + warning.id() + " to ru-authorities expires at "
                        + "2024-03-14 09:00 +03:00 while the threat lasts until 2024-03-31 00:00 +03:00: renewal due");
            });

            desk.sweepAt(renewalDue.plus(Duration.ofHours(1)));
            desk.sweepAt(validUntil);
            desk.sweepAt(validUntil.plus(Duration.ofDays(1)));
            assertThat(desk.events("renewal-due")).hasSize(1);
        }

        @Test
        void aWarningThatRunsToTheEndOfTheThreatWindowNeedsNoRenewal() {
            Desk desk = received();
            Warning warning = issueAt(desk, Instant.parse("2024-03-25T00:00:00Z"));
            assertThat(warning.validity().to()).isEqualTo(WINDOW_END);

            desk.sweepAt(WINDOW_END.minus(Duration.ofHours(6)));
            desk.sweepAt(WINDOW_END.minusSeconds(1));
            assertThat(desk.events("renewal-due")).isEmpty();
            assertThat(desk.state(OBLIGATION)).isEqualTo(ISSUED);

            desk.sweepAt(WINDOW_END);
            assertThat(desk.events("renewal-due")).isEmpty();
            assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
            assertThat(desk.events("warning-expired")).singleElement().extracting(TimelineEntry::summary)
                    .isEqualTo("warning " + warning.id() + " to ru-authorities expired with the end of the threat window");
        }

        @Test
        void aRenewalMovesTheObligationToRenewedAndTheOldWarningNoLongerExpiresIt() {
            Desk desk = received();
            Warning first = issueAt(desk, issuedAt);
            desk.sweepAt(renewalDue);

            DraftRecord renewal = desk.at(renewalDue.plus(Duration.ofHours(1))).duty.draftRenewal(first.id(), "analyst-1");
            assertThat(renewal.renews()).contains(first.id());
            assertThat(renewal.obligationIds()).containsExactly(OBLIGATION);
            desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
            assertThat(desk.state(OBLIGATION)).as("approving a renewal leaves the warning out").isEqualTo(ISSUED);
            Warning second = desk.duty.issue(renewal.id(), "approver-1");

            Instant renewedAt = renewalDue.plus(Duration.ofHours(1));
            assertThat(second.renews()).contains(first.id());
            assertThat(second.validity()).isEqualTo(new TimeWindow(renewedAt, renewedAt.plus(Duration.ofDays(7))));
            assertThat(second.released()).isEqualTo(first.released());
            assertThat(desk.state(OBLIGATION)).isEqualTo(RENEWED);
            assertThat(desk.eventTypes()).contains("renewal-drafted", "warning-renewed");

            desk.sweepAt(validUntil);
            desk.sweepAt(validUntil.plus(Duration.ofHours(1)));
            assertThat(desk.state(OBLIGATION)).isEqualTo(RENEWED);
            assertThat(desk.events("warning-expired")).isEmpty();

            desk.sweepAt(second.validity().to().minus(Duration.ofHours(6)));
            assertThat(desk.events("renewal-due")).extracting(TimelineEntry::subject).containsExactly(first.id(), second.id());
            desk.sweepAt(second.validity().to());
            assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
            assertThat(desk.events("warning-expired")).singleElement()
                    .satisfies(e -> assertThat(e.summary()).startsWith("warning " + second.id() + " to ru-authorities"));
        }

        @Test
        void anExpiredWarningMayStillBeRenewedLate() {
            Desk desk = received();
            Warning first = issueAt(desk, issuedAt);
            desk.sweepAt(validUntil);
            assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);

            DraftRecord renewal = desk.later(Duration.ofHours(2)).duty.draftRenewal(first.id(), "analyst-1");
            desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
            desk.duty.issue(renewal.id(), "approver-1");

            assertThat(desk.obligation(OBLIGATION).history()).extracting(Transition::to).endsWith(EXPIRED, RENEWED);
        }
    }

    @Nested
    class ThreatWindowEnd {

        static final String CLOSING = "the threat window ended at 2024-03-31 00:00 +03:00 with no warning out "
                + "(it was escalated)";

        @Test
        void anObligationStillAwaitingItsWarningWhenItsWindowEndsIsClosedAsExpiredUnwarned() {
            Desk desk = received().sweepAt(DEADLINE).sweepAt(DEADLINE.plus(PERIOD));

            desk.sweepAt(WINDOW_END);

            Obligation closed = desk.obligation(OBLIGATION);
            assertThat(closed.state()).isEqualTo(CLOSED);
            assertThat(closed.closedAs()).contains(ClosingReason.EXPIRED_UNWARNED);
            assertThat(closed.history().get(closed.history().size() - 1))
                    .isEqualTo(new Transition(ESCALATED, CLOSED, WINDOW_END, "scheduler", 3, CLOSING));
            assertThat(desk.events("obligation-closed")).singleElement().satisfies(event -> {
                assertThat(event.at()).isEqualTo(WINDOW_END);
                assertThat(event.subject()).isEqualTo(OBLIGATION);
                assertThat(event.actor()).isEqualTo("scheduler");
                assertThat(event.summary()).isEqualTo("obligation to warn ru-authorities closed as expired-unwarned: "
                        + CLOSING);
            });
            assertThat(desk.heard).filteredOn(DutyEvent.ObligationClosed.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((DutyEvent.ObligationClosed) event).reason())
                            .isEqualTo(ClosingReason.EXPIRED_UNWARNED));
            assertThat(desk.sweepAt(WINDOW_END.plus(Duration.ofDays(1))).events("obligation-closed")).hasSize(1);
        }

        @Test
        void anObligationIsLeftAwaitingItsWarningUntilItsWindowEnds() {
            Desk desk = received().sweepAt(DEADLINE).sweepAt(WINDOW_END.minusSeconds(1));

            assertThat(desk.state(OBLIGATION)).isEqualTo(ESCALATED);
            assertThat(desk.events("obligation-closed")).isEmpty();
        }

        @Test
        void anObligationWithAWarningOutIsNotClosedWhenItsWindowEnds() {
            Desk desk = received();
            issueAt(desk, RECEIVED.plus(Duration.ofHours(1)));

            sweepWheneverDue(desk);
            desk.sweepAt(WINDOW_END);

            assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
            assertThat(desk.events("obligation-closed")).isEmpty();
        }

        @Test
        void anObligationStoredWithADeadlineAfterItsWindowIsClosedWhenTheWindowEnds() {
            // opened before deadlines were kept inside the threat window
            Desk desk = received();
            Obligation late = Obligation.open(OBLIGATION, "R-1", AUTHORITIES.id(), FOREIGN_GOVERNMENT, RECEIVED,
                    WINDOW_END.plus(Duration.ofDays(2)), "scheduler", 3, "stored long ago");
            desk.casebook.put(late);

            assertThat(desk.sweep.nextDueAfter(RECEIVED)).contains(WINDOW_END);
            desk.sweepAt(WINDOW_END);

            assertThat(desk.obligation(OBLIGATION).closedAs()).contains(ClosingReason.EXPIRED_UNWARNED);
            assertThat(desk.sweep.nextDueAfter(WINDOW_END)).isEmpty();
        }
    }

    @Nested
    class NextDue {

        @Test
        void anOpenObligationIsDueAtItsDeadline() {
            Desk desk = received();

            assertThat(desk.sweep.nextDueAfter(RECEIVED)).contains(DEADLINE);
            assertThat(desk.sweep.nextDueAfter(DEADLINE.minusSeconds(1))).contains(DEADLINE);
        }

        @Test
        void anEscalatedObligationIsDueAtItsNextEscalationAndThenNoMore() {
            Desk desk = received().sweepAt(DEADLINE);

            assertThat(desk.sweep.nextDueAfter(DEADLINE)).contains(DEADLINE.plus(PERIOD));

            desk.sweepAt(DEADLINE.plus(PERIOD));
            assertThat(desk.sweep.nextDueAfter(DEADLINE.plus(PERIOD)))
                    .as("the chain is exhausted; the clock has only the end of the threat window left").contains(WINDOW_END);
        }

        @Test
        void anIssuedWarningIsDueForRenewalThenForExpiry() {
            Desk desk = received();
            Warning warning = issueAt(desk, RECEIVED.plus(Duration.ofHours(1)));
            Instant expires = warning.validity().to();

            assertThat(desk.sweep.nextDueAfter(desk.clock.instant())).contains(expires.minus(Duration.ofHours(6)));

            desk.sweepAt(expires.minus(Duration.ofHours(6)));
            assertThat(desk.sweep.nextDueAfter(desk.clock.instant())).contains(expires);

            desk.sweepAt(expires);
            assertThat(desk.sweep.nextDueAfter(expires)).isEmpty();
        }

        @Test
        void theEarliestOfSeveralObligationsComesFirst() {
            Desk desk = received();
            Instant later = RECEIVED.plus(Duration.ofHours(2));
            desk.at(later).duty.receive(Desk.withId(R1_UNMARKED, "R-2"), "analyst-1");

            assertThat(desk.sweep.nextDueAfter(later)).contains(DEADLINE);
            desk.sweepAt(DEADLINE);
            assertThat(desk.sweep.nextDueAfter(DEADLINE)).contains(later.plus(PERIOD));
        }

        @Test
        void sweepingOnlyWhenNextDueSaysTakesEveryDecisionAtItsTime() {
            Desk desk = received();
            Warning warning = issueAt(desk, DEADLINE.plus(Duration.ofHours(5)));
            // issued 1 hour after the director had it; replay the rest as the scheduler would
            List<Instant> stops = sweepWheneverDue(desk);

            Instant expires = warning.validity().to();
            assertThat(stops).containsExactly(expires.minus(Duration.ofHours(6)), expires);
            assertThat(desk.casebook.events().stream().filter(e -> e.at().isAfter(warning.issuedAt()))
                    .map(e -> e.type() + "@" + e.at()).toList())
                    .containsExactly("renewal-due@" + expires.minus(Duration.ofHours(6)), "warning-expired@" + expires);
        }

        @Test
        void aReplayDrivenByNextDueEscalatesOnTime() {
            Desk desk = received();
            List<Instant> stops = sweepWheneverDue(desk);

            assertThat(stops).containsExactly(DEADLINE, DEADLINE.plus(PERIOD), WINDOW_END);
            assertThat(desk.events("obligation-escalated")).extracting(TimelineEntry::at)
                    .containsExactly(DEADLINE, DEADLINE.plus(PERIOD));
            assertThat(desk.events("obligation-closed")).extracting(TimelineEntry::at).containsExactly(WINDOW_END);
        }
    }
}
