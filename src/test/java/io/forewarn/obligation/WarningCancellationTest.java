package io.forewarn.obligation;

import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.obligation.DeadlineSweepTest.OBLIGATION;
import static io.forewarn.obligation.DeadlineSweepTest.WINDOW_END;
import static io.forewarn.obligation.DeadlineSweepTest.issueAt;
import static io.forewarn.obligation.DeadlineSweepTest.received;
import static io.forewarn.obligation.DeadlineSweepTest.sweepWheneverDue;
import static io.forewarn.obligation.ObligationState.ACKNOWLEDGED;
import static io.forewarn.obligation.ObligationState.EXPIRED;
import static io.forewarn.obligation.ObligationState.RENEWED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A warning cancelled while its threat lasts: it ends at once, its obligation reads expired (not covered), the clock
 * neither expires nor renews it afterwards, and a renewal, approved and issued like any, warns again. The step is
 * one event with the login and the reason; a second cancellation, one of an ended or renewed warning, and one by a
 * role that may not issue warnings are refused and change nothing.
 */
class WarningCancellationTest {

    final Instant issuedAt = RECEIVED.plus(Duration.ofHours(1));
    final Instant cancelledAt = issuedAt.plus(Duration.ofDays(2));

    @Test
    void aCancelledWarningEndsAtOnceAndItsObligationReadsExpiredNotCovered() {
        Desk desk = received();
        Warning warning = issueAt(desk, issuedAt);
        desk.duty.deliver(OBLIGATION, "liaison-1", "liaison");
        desk.duty.acknowledge(OBLIGATION, "liaison-1");

        Warning cancelled = desk.at(cancelledAt).duty.cancelWarning(warning.id(), "the source withdrew the report",
                "approver-1", Role.APPROVER);

        assertThat(cancelled.cancellation()).contains(new Cancellation(cancelledAt, "approver-1", "the source withdrew the report"));
        assertThat(desk.casebook.warning(warning.id())).contains(cancelled);
        assertThat(cancelled.endsAt()).isEqualTo(cancelledAt).isBefore(warning.validity().to());
        assertThat(cancelled.isValidAt(cancelledAt.minusSeconds(1))).isTrue();
        assertThat(cancelled.isValidAt(cancelledAt)).isFalse();
        assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
        assertThat(desk.obligation(OBLIGATION).history()).extracting(Transition::to).endsWith(ACKNOWLEDGED, EXPIRED);
        assertThat(desk.obligation(OBLIGATION).history()).last().extracting(Transition::actor, Transition::note)
                .containsExactly("approver-1", "warning " + warning.id() + " cancelled");
        assertThat(desk.events("warning-cancelled")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(warning.id());
            assertThat(e.actor()).isEqualTo("approver-1");
            assertThat(e.at()).isEqualTo(cancelledAt);
            assertThat(e.summary()).isEqualTo("warning " + warning.id() + " to ru-authorities cancelled by approver-1 "
                    + "(approver): the source withdrew the report; the threat window is open until 2024-03-31 00:00 +03:00: "
                    + OBLIGATION + " expired, not covered");
        });
        assertThat(desk.heard).filteredOn(e -> e instanceof DutyEvent.WarningCancelled).singleElement()
                .satisfies(e -> assertThat(((DutyEvent.WarningCancelled) e).obligations())
                        .extracting(Obligation::state).containsExactly(EXPIRED));

        // the clock neither expires it again at the end of its validity nor calls for its renewal
        sweepWheneverDue(desk);
        assertThat(desk.events("renewal-due")).isEmpty();
        assertThat(desk.events("warning-expired")).isEmpty();
        assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
        assertThat(desk.casebook.warningsAwaitingRenewal(WINDOW_END)).isEmpty();
    }

    @Test
    void aRenewalWarnsAgainAfterACancellation() {
        Desk desk = received();
        Warning warning = issueAt(desk, issuedAt);
        desk.at(cancelledAt).duty.cancelWarning(warning.id(), "wrong place released", "director-1", Role.DIRECTOR);

        DraftRecord renewal = desk.later(Duration.ofHours(1)).duty.draftRenewal(warning.id(), "analyst-1");
        desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
        Warning again = desk.duty.issue(renewal.id(), "approver-1");

        assertThat(again.renews()).contains(warning.id());
        assertThat(desk.state(OBLIGATION)).isEqualTo(RENEWED);
        assertThatThrownBy(() -> desk.duty.cancelWarning(warning.id(), "again", "approver-1", Role.APPROVER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was cancelled already");
    }

    @Test
    void refusedCancellationsChangeNothing() {
        Desk desk = received();
        Warning warning = issueAt(desk, issuedAt);
        int events = desk.casebook.events().size();

        assertThatThrownBy(() -> desk.duty.cancelWarning(warning.id(), "no", "analyst-1", Role.ANALYST))
                .isInstanceOf(IllegalStateException.class).hasMessage("the role analyst cannot cancel warnings");
        desk.at(warning.validity().to());
        assertThatThrownBy(() -> desk.duty.cancelWarning(warning.id(), "late", "approver-1", Role.APPROVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("warning " + warning.id() + " ended at 2024-03-14 09:00 +03:00; there is nothing left to cancel");
        assertThat(desk.casebook.events()).hasSize(events);
        assertThat(desk.casebook.warning(warning.id()).orElseThrow().cancellation()).isEmpty();
    }

    @Test
    void aRenewedWarningIsCancelledThroughItsRenewal() {
        Desk desk = received();
        Warning first = issueAt(desk, issuedAt);
        DraftRecord renewal = desk.at(cancelledAt).duty.draftRenewal(first.id(), "analyst-1");
        desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
        Warning second = desk.duty.issue(renewal.id(), "approver-1");

        assertThatThrownBy(() -> desk.duty.cancelWarning(first.id(), "old", "approver-1", Role.APPROVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("warning " + first.id() + " was replaced by its renewal; cancel the renewal");
        desk.duty.cancelWarning(second.id(), "threat over", "approver-1", Role.APPROVER);
        assertThat(desk.state(OBLIGATION)).isEqualTo(EXPIRED);
    }

    @Test
    void aWithdrawalIsRecordedForTheLatestCancelledWarningAndMovesNothing() {
        Desk desk = received();
        Warning first = issueAt(desk, issuedAt);
        desk.duty.deliver(OBLIGATION, "liaison-1", "liaison");
        int events = desk.casebook.events().size();
        assertThatThrownBy(() -> desk.duty.deliverWithdrawal(OBLIGATION, "liaison-1", "phone"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no warning to ru-authorities under report R-1 was cancelled: there is no withdrawal to deliver");
        assertThat(desk.casebook.events()).hasSize(events);

        desk.at(cancelledAt).duty.cancelWarning(first.id(), "wrong place released", "approver-1", Role.APPROVER);
        DraftRecord renewal = desk.later(Duration.ofHours(1)).duty.draftRenewal(first.id(), "analyst-1");
        desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);
        desk.duty.issue(renewal.id(), "approver-1");
        Obligation told = desk.later(Duration.ofMinutes(5)).duty.deliverWithdrawal(OBLIGATION, "liaison-1", "phone");

        assertThat(told.state()).as("the renewal's obligation, unmoved").isEqualTo(RENEWED);
        assertThat(desk.obligation(OBLIGATION).history()).extracting(Transition::to).endsWith(EXPIRED, RENEWED);
        assertThat(desk.events("withdrawal-delivered")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(OBLIGATION);
            assertThat(e.actor()).isEqualTo("liaison-1");
            assertThat(e.at()).isEqualTo(desk.clock.instant());
            assertThat(e.summary()).isEqualTo("withdrawal of warning " + first.id() + " delivered to ru-authorities over phone");
        });
        assertThat(desk.heard).filteredOn(e -> e instanceof DutyEvent.WithdrawalDelivered).singleElement()
                .satisfies(e -> assertThat(((DutyEvent.WithdrawalDelivered) e).warning().id()).isEqualTo(first.id()));
    }
}
