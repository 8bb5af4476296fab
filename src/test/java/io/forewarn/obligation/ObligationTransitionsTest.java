package io.forewarn.obligation;

import io.forewarn.policy.Audience;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.forewarn.obligation.ObligationState.ACKNOWLEDGED;
import static io.forewarn.obligation.ObligationState.APPROVED;
import static io.forewarn.obligation.ObligationState.CLOSED;
import static io.forewarn.obligation.ObligationState.DELIVERED;
import static io.forewarn.obligation.ObligationState.DRAFTED;
import static io.forewarn.obligation.ObligationState.ESCALATED;
import static io.forewarn.obligation.ObligationState.EXPIRED;
import static io.forewarn.obligation.ObligationState.ISSUED;
import static io.forewarn.obligation.ObligationState.OPEN;
import static io.forewarn.obligation.ObligationState.OVERDUE;
import static io.forewarn.obligation.ObligationState.RENEWED;
import static io.forewarn.obligation.ObligationState.WAIVED;
import static io.forewarn.obligation.ObligationState.WAIVER_REJECTED;
import static io.forewarn.obligation.ObligationState.WAIVER_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The obligation state graph of DESIGN.md ("Obligation states"), step by step. */
class ObligationTransitionsTest {

    static final Instant OPENED = Instant.parse("2024-03-07T05:00:00Z");
    static final Instant DEADLINE = OPENED.plus(Duration.ofHours(4));
    static final Instant LATER = OPENED.plus(Duration.ofMinutes(30));
    static final int POLICY = 3;

    /**
     * The graph as DESIGN.md draws it, written out here rather than read from the code: a draft may
     * be redrafted; a waiver may be asked for until the warning is issued; a warning that is out may
     * be renewed before it expires, and a renewed one moves on like an issued one; escalation goes on
     * to the next role, and an issued or renewed warning whose delivery was dead-lettered is escalated too; an
     * obligation still awaiting its warning may be closed (with a reason), which is final. Resuming an overdue obligation is tested separately below.
     */
    static final Map<ObligationState, Set<ObligationState>> GRAPH = new EnumMap<>(Map.ofEntries(
            Map.entry(OPEN, EnumSet.of(DRAFTED, WAIVER_REQUESTED, OVERDUE, CLOSED)),
            Map.entry(DRAFTED, EnumSet.of(DRAFTED, APPROVED, WAIVER_REQUESTED, OVERDUE, CLOSED)),
            Map.entry(APPROVED, EnumSet.of(ISSUED, WAIVER_REQUESTED, OVERDUE, CLOSED)),
            Map.entry(ISSUED, EnumSet.of(DELIVERED, EXPIRED, RENEWED, ESCALATED)),
            Map.entry(DELIVERED, EnumSet.of(ACKNOWLEDGED, EXPIRED, RENEWED)),
            Map.entry(ACKNOWLEDGED, EnumSet.of(EXPIRED, RENEWED)),
            Map.entry(EXPIRED, EnumSet.of(RENEWED)),
            Map.entry(RENEWED, EnumSet.of(DELIVERED, EXPIRED, RENEWED, ESCALATED)),
            Map.entry(WAIVER_REQUESTED, EnumSet.of(WAIVED, WAIVER_REJECTED)),
            Map.entry(WAIVED, EnumSet.noneOf(ObligationState.class)),
            Map.entry(WAIVER_REJECTED, EnumSet.of(OPEN)),
            Map.entry(OVERDUE, EnumSet.of(ESCALATED, CLOSED)),
            Map.entry(ESCALATED, EnumSet.of(ESCALATED, CLOSED)),
            Map.entry(CLOSED, EnumSet.noneOf(ObligationState.class))));

    static Stream<Arguments> everyPair() {
        return Stream.of(ObligationState.values())
                .flatMap(from -> Stream.of(ObligationState.values()).map(to -> Arguments.of(from, to)));
    }

    static Obligation opened() {
        return Obligation.open("R-1/us-citizens-ru", "R-1", "us-citizens-ru", new Audience("own-citizens"), OPENED,
                DEADLINE, "scheduler", POLICY, "place: names: same country RU");
    }

    /** An obligation standing in {@code state}, with nothing to resume. */
    static Obligation in(ObligationState state) {
        Obligation open = opened();
        if (state == OPEN) {
            return open;
        }
        List<Transition> history = List.of(open.history().get(0),
                new Transition(OPEN, state, OPENED.plusSeconds(60), "someone", POLICY, "set up"));
        return new Obligation(open.id(), open.reportId(), open.partyId(), open.audience(), open.openedAt(),
                open.deadline(), state, Optional.empty(), 0, history,
                state == CLOSED ? Optional.of(ClosingReason.EXPIRED_UNWARNED) : Optional.empty());
    }

    /** The one step from {@code before} to {@code to}: closing takes a reason, every other move does not. */
    static Obligation step(Obligation before, ObligationState to) {
        return to == CLOSED ? before.close(ClosingReason.EXPIRED_UNWARNED, LATER, "analyst-1", POLICY, "why")
                : before.moveTo(to, LATER, "analyst-1", POLICY, "why");
    }

    @Test
    void theGraphCoversEveryState() {
        assertThat(GRAPH.keySet()).containsExactlyInAnyOrder(ObligationState.values());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void aMoveSucceedsExactlyWhenTheGraphAllowsIt(ObligationState from, ObligationState to) {
        Obligation before = in(from);
        boolean allowed = GRAPH.get(from).contains(to);

        assertThat(before.allowedNext()).containsExactlyInAnyOrderElementsOf(GRAPH.get(from));
        if (allowed) {
            Obligation after = step(before, to);

            assertThat(after.state()).isEqualTo(to);
            assertThat(after.closedAs()).isEqualTo(to == CLOSED ? Optional.of(ClosingReason.EXPIRED_UNWARNED) : Optional.empty());
            assertThat(after.history()).hasSize(before.history().size() + 1);
            assertThat(after.history().subList(0, before.history().size())).isEqualTo(before.history());
            assertThat(after.history().get(after.history().size() - 1))
                    .isEqualTo(new Transition(from, to, LATER, "analyst-1", POLICY, "why"));
            assertThat(after).extracting(Obligation::id, Obligation::reportId, Obligation::partyId,
                            Obligation::audience, Obligation::openedAt, Obligation::deadline)
                    .containsExactly(before.id(), before.reportId(), before.partyId(), before.audience(),
                            before.openedAt(), before.deadline());
        } else {
            IllegalTransitionException refused = catchThrowableOfType(
                    () -> step(before, to), IllegalTransitionException.class);

            assertThat(refused).as("%s -> %s must be refused", from, to).isNotNull();
            assertThat(refused.getMessage())
                    .contains(before.id())
                    .contains("from " + from.code())
                    .contains("to " + to.code());
            if (GRAPH.get(from).isEmpty()) {
                assertThat(refused.getMessage()).contains("it is final");
            } else {
                GRAPH.get(from).forEach(next -> assertThat(refused.getMessage()).contains(next.code()));
            }
        }
        // a value never changes: the refused (or accepted) move left the original as it was
        assertThat(before).isEqualTo(in(from));
    }

    @Test
    void aRefusedMoveNamesTheAllowedStatesInWords() {
        assertThatThrownBy(() -> opened().moveTo(ISSUED, LATER, "approver-1", POLICY, ""))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("obligation R-1/us-citizens-ru cannot move from open to issued "
                        + "(allowed from open: drafted, waiver-requested, overdue, closed)");
    }

    @ParameterizedTest
    @EnumSource(ObligationState.class)
    void closedIsFinalAndAlwaysCarriesItsReason(ObligationState target) {
        Obligation closed = opened().moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "")
                .close(ClosingReason.EXPIRED_UNWARNED, LATER, "scheduler", POLICY, "the threat window ended");

        assertThat(closed.closedAs()).contains(ClosingReason.EXPIRED_UNWARNED);
        assertThat(closed.workingState()).isEqualTo(CLOSED);
        assertThat(closed.isOverdueAt(DEADLINE.plusSeconds(1))).isFalse();
        assertThat(closed.allowedNext()).isEmpty();
        assertThatThrownBy(() -> step(closed, target)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("nothing, it is final");
        assertThatThrownBy(() -> opened().moveTo(CLOSED, LATER, "scheduler", POLICY, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an obligation is closed with a reason (close), not moved to closed");
        assertThatThrownBy(() -> new Obligation(closed.id(), closed.reportId(), closed.partyId(), closed.audience(),
                closed.openedAt(), closed.deadline(), CLOSED, Optional.empty(), 0, closed.history(), Optional.empty()))
                .hasMessage("obligation R-1/us-citizens-ru is closed without a closing reason");
    }

    @ParameterizedTest
    @EnumSource(ObligationState.class)
    void waivedIsFinal(ObligationState target) {
        Obligation waived = opened().moveTo(WAIVER_REQUESTED, LATER, "analyst-1", POLICY, "")
                .moveTo(WAIVED, LATER, "approver-1", POLICY, "");

        assertThat(waived.allowedNext()).isEmpty();
        assertThatThrownBy(() -> step(waived, target))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("from waived to " + target.code())
                .hasMessageContaining("nothing, it is final");
    }

    @Test
    void theHistoryRecordsEveryStepWithActorTimePolicyAndNote() {
        Obligation o = opened()
                .moveTo(DRAFTED, OPENED.plusSeconds(600), "analyst-1", 3, "draft D-1")
                .moveTo(APPROVED, OPENED.plusSeconds(1200), "approver-1", 4, "draft D-1 approved")
                .moveTo(ISSUED, OPENED.plusSeconds(1800), "approver-1", 4, "warning W-1");

        assertThat(o.history()).containsExactly(
                new Transition(null, OPEN, OPENED, "scheduler", 3, "place: names: same country RU"),
                new Transition(OPEN, DRAFTED, OPENED.plusSeconds(600), "analyst-1", 3, "draft D-1"),
                new Transition(DRAFTED, APPROVED, OPENED.plusSeconds(1200), "approver-1", 4, "draft D-1 approved"),
                new Transition(APPROVED, ISSUED, OPENED.plusSeconds(1800), "approver-1", 4, "warning W-1"));
        assertThat(o.firstReached(APPROVED)).contains(OPENED.plusSeconds(1200));
        assertThat(o.firstReached(WAIVED)).isEmpty();
    }

    @Test
    void theHistoryCannotBeChangedFromOutside() {
        Obligation o = opened();

        assertThatThrownBy(() -> o.history().add(new Transition(OPEN, WAIVED, LATER, "intruder", POLICY, "")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNewObligationIsOpenWithOneTransition() {
        Obligation o = opened();

        assertThat(o.state()).isEqualTo(OPEN);
        assertThat(o.resumeState()).isEmpty();
        assertThat(o.escalations()).isZero();
        assertThat(o.history()).singleElement()
                .isEqualTo(new Transition(null, OPEN, OPENED, "scheduler", POLICY, "place: names: same country RU"));
    }

    @Nested
    class OverdueAndEscalated {

        @Test
        void overdueFromDraftedMayResumeToApprovedAndForgetsTheResumeState() {
            Obligation overdue = opened().moveTo(DRAFTED, LATER, "analyst-1", POLICY, "draft D-1")
                    .moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "deadline passed");

            assertThat(overdue.resumeState()).contains(DRAFTED);
            assertThat(overdue.workingState()).isEqualTo(DRAFTED);
            assertThat(overdue.allowedNext()).containsExactlyInAnyOrder(ESCALATED, CLOSED, DRAFTED, APPROVED, WAIVER_REQUESTED);

            Obligation approved = overdue.moveTo(APPROVED, DEADLINE.plusSeconds(60), "approver-1", POLICY, "approved late");

            assertThat(approved.state()).isEqualTo(APPROVED);
            assertThat(approved.resumeState()).isEmpty();
            assertThat(approved.history()).extracting(Transition::to).containsExactly(OPEN, DRAFTED, OVERDUE, APPROVED);
        }

        @Test
        void overdueFromOpenMayResumeToDraftedButNotSkipToApproved() {
            Obligation overdue = opened().moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "");

            assertThat(overdue.resumeState()).contains(OPEN);
            assertThat(overdue.moveTo(DRAFTED, DEADLINE, "analyst-1", POLICY, "").resumeState()).isEmpty();
            assertThatThrownBy(() -> overdue.moveTo(APPROVED, DEADLINE, "approver-1", POLICY, ""))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("from overdue to approved")
                    .hasMessageContaining("drafted");
        }

        @Test
        void anUndeliveredWarningsEscalationResumesAsIssuedSoALaterDeliveryStillCounts() {
            Obligation issued = opened().moveTo(DRAFTED, LATER, "analyst-1", POLICY, "")
                    .moveTo(APPROVED, LATER, "approver-1", POLICY, "").moveTo(ISSUED, LATER, "approver-1", POLICY, "");
            Obligation escalated = issued.moveTo(ESCALATED, DEADLINE, "scheduler", POLICY, "delivery dead-lettered");

            assertThat(escalated.resumeState()).contains(ISSUED);
            assertThat(escalated.workingState()).isEqualTo(ISSUED);
            assertThat(escalated.escalations()).isEqualTo(1);
            assertThat(escalated.isOverdueAt(DEADLINE.plusSeconds(1))).as("its warning is out").isFalse();
            assertThat(escalated.allowedNext()).containsExactlyInAnyOrder(ESCALATED, CLOSED, DELIVERED, EXPIRED, RENEWED);
            Obligation delivered = escalated.moveTo(DELIVERED, DEADLINE.plusSeconds(60), "liaison-1", POLICY, "by hand");
            assertThat(delivered.resumeState()).isEmpty();
            assertThat(delivered.history()).extracting(Transition::to)
                    .containsExactly(OPEN, DRAFTED, APPROVED, ISSUED, ESCALATED, DELIVERED);
        }

        @Test
        void overdueCannotBeOverdueAgain() {
            Obligation overdue = opened().moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "");

            assertThatThrownBy(() -> overdue.moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, ""))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void escalationsAreCountedAndKeepWhereTheWorkStood() {
            Obligation escalated = opened().moveTo(DRAFTED, LATER, "analyst-1", POLICY, "")
                    .moveTo(APPROVED, LATER, "approver-1", POLICY, "")
                    .moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "")
                    .moveTo(ESCALATED, DEADLINE, "scheduler", POLICY, "escalated to approver")
                    .moveTo(ESCALATED, DEADLINE.plus(Duration.ofHours(4)), "scheduler", POLICY, "escalated to director");

            assertThat(escalated.escalations()).isEqualTo(2);
            assertThat(escalated.resumeState()).contains(APPROVED);
            assertThat(escalated.workingState()).isEqualTo(APPROVED);
            assertThat(escalated.allowedNext()).containsExactlyInAnyOrder(ESCALATED, CLOSED, ISSUED, WAIVER_REQUESTED);

            Obligation issued = escalated.moveTo(ISSUED, DEADLINE.plus(Duration.ofHours(5)), "approver-1", POLICY, "W-1");

            assertThat(issued.state()).isEqualTo(ISSUED);
            assertThat(issued.resumeState()).isEmpty();
            assertThat(issued.escalations()).as("the count stays for oversight").isEqualTo(2);
        }

        @Test
        void anEscalatedObligationMayBeWaivedButNotIssuedBeforeApproval() {
            Obligation escalated = opened().moveTo(OVERDUE, DEADLINE, "scheduler", POLICY, "")
                    .moveTo(ESCALATED, DEADLINE, "scheduler", POLICY, "");

            assertThat(escalated.moveTo(WAIVER_REQUESTED, DEADLINE, "analyst-1", POLICY, "").state())
                    .isEqualTo(WAIVER_REQUESTED);
            assertThatThrownBy(() -> escalated.moveTo(ISSUED, DEADLINE, "approver-1", POLICY, ""))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("from escalated to issued");
        }

        @Test
        void isOverdueOnlyBeforeIssueAndAfterTheDeadline() {
            Obligation open = opened();
            Obligation issued = open.moveTo(DRAFTED, LATER, "a", POLICY, "").moveTo(APPROVED, LATER, "b", POLICY, "")
                    .moveTo(ISSUED, LATER, "b", POLICY, "");

            assertThat(open.isOverdueAt(DEADLINE.minusSeconds(1))).isFalse();
            assertThat(open.isOverdueAt(DEADLINE.plusSeconds(1))).isTrue();
            assertThat(issued.isOverdueAt(DEADLINE.plusSeconds(1))).isFalse();
        }
    }
}
