package io.forewarn.obligation;

import io.forewarn.code.Coded;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The states of an obligation to warn, with the transitions the design allows:
 *
 * <pre>
 * open ─► drafted ─► approved ─► issued ─► delivered ─► acknowledged
 *   │         │                     └─► expired ─► renewed (new warning, same obligation)
 *   └─► waiver-requested ─► waived | waiver-rejected (back to open)
 * open/drafted/approved past deadline ─► overdue ─► escalated (to the next role in the policy)
 * issued/renewed whose delivery was dead-lettered ─► escalated (it resumes as issued or renewed: delivered later)
 * open/drafted/approved/overdue/escalated ─► closed (with a {@link ClosingReason}: expired-unwarned
 *                                            when the threat window ends before the warning is out)
 * </pre>
 *
 * A renewed obligation carries a new issued warning, so it moves on like an issued one. Renewal is
 * due before the current warning expires, so a warning that is out (issued, delivered or
 * acknowledged) may be renewed directly; an expired one may still be renewed late. An overdue or
 * escalated obligation resumes where it stood before it went overdue (see {@link Obligation}).
 */
public enum ObligationState implements Coded {
    OPEN, DRAFTED, APPROVED, ISSUED, DELIVERED, ACKNOWLEDGED, EXPIRED, RENEWED,
    WAIVER_REQUESTED, WAIVED, WAIVER_REJECTED, OVERDUE, ESCALATED, CLOSED;

    static {
        OPEN.next = EnumSet.of(DRAFTED, WAIVER_REQUESTED, OVERDUE, CLOSED);
        DRAFTED.next = EnumSet.of(DRAFTED, APPROVED, WAIVER_REQUESTED, OVERDUE, CLOSED);
        APPROVED.next = EnumSet.of(ISSUED, WAIVER_REQUESTED, OVERDUE, CLOSED);
        ISSUED.next = EnumSet.of(DELIVERED, EXPIRED, RENEWED, ESCALATED);
        DELIVERED.next = EnumSet.of(ACKNOWLEDGED, EXPIRED, RENEWED);
        ACKNOWLEDGED.next = EnumSet.of(EXPIRED, RENEWED);
        EXPIRED.next = EnumSet.of(RENEWED);
        RENEWED.next = EnumSet.of(DELIVERED, EXPIRED, RENEWED, ESCALATED);
        WAIVER_REQUESTED.next = EnumSet.of(WAIVED, WAIVER_REJECTED);
        WAIVED.next = EnumSet.noneOf(ObligationState.class);
        WAIVER_REJECTED.next = EnumSet.of(OPEN);
        OVERDUE.next = EnumSet.of(ESCALATED, CLOSED);
        ESCALATED.next = EnumSet.of(ESCALATED, CLOSED);
        CLOSED.next = EnumSet.noneOf(ObligationState.class);
    }

    /**
     * The states of an obligation whose warning is not out yet, overdue and escalated ones included (they
     * resume where they stood): past its deadline in one of these, the clock has something to decide.
     */
    public static final Set<ObligationState> AWAITING_WARNING =
            Collections.unmodifiableSet(EnumSet.of(OPEN, DRAFTED, APPROVED, OVERDUE, ESCALATED));

    private Set<ObligationState> next;

    /** The states reachable in one step, not counting the resumption of an overdue obligation. */
    public Set<ObligationState> successors() {
        return EnumSet.copyOf(next.isEmpty() ? EnumSet.noneOf(ObligationState.class) : next);
    }

    public boolean canMoveTo(ObligationState target) {
        return next.contains(target);
    }

    /** Past its deadline in one of these states, an obligation is overdue. */
    public boolean isBeforeIssue() {
        return this == OPEN || this == DRAFTED || this == APPROVED;
    }

    /** A warning is out (issued or renewed, possibly delivered and acknowledged). */
    public boolean hasLiveWarning() {
        return this == ISSUED || this == RENEWED || this == DELIVERED || this == ACKNOWLEDGED;
    }

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ObligationState of(String code) {
        return Coded.of(ObligationState.class, "state", code);
    }
}
