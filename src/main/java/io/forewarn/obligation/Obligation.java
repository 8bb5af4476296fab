package io.forewarn.obligation;

import io.forewarn.policy.Audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The duty to warn one party about one report. It never disappears; every change is a new value
 * with one more {@link Transition} in its history.
 *
 * @param resumeState   while overdue or escalated, the state it stood in before it went overdue,
 *                      so the work can resume from there
 * @param escalations   how many times it has been escalated; the policy's escalation list says to whom
 * @param closedAs      why it was closed, exactly when it is {@link ObligationState#CLOSED closed}
 */
public record Obligation(
        String id,
        String reportId,
        String partyId,
        Audience audience,
        Instant openedAt,
        Instant deadline,
        ObligationState state,
        Optional<ObligationState> resumeState,
        int escalations,
        List<Transition> history,
        Optional<ClosingReason> closedAs) {

    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(resumeState, "resumeState");
        history = List.copyOf(history);
        // stored before obligations could be closed, a value has no closedAs at all
        closedAs = closedAs == null ? Optional.empty() : closedAs;
        if (closedAs.isPresent() != (state == ObligationState.CLOSED)) {
            throw new IllegalArgumentException("obligation " + id + " is " + state.code()
                    + (closedAs.isPresent() ? " but has a closing reason" : " without a closing reason"));
        }
    }

    /** A new obligation in state {@code open}. */
    public static Obligation open(String id, String reportId, String partyId, Audience audience, Instant at,
                                  Instant deadline, String actor, int policyVersion, String note) {
        Transition opened = new Transition(null, ObligationState.OPEN, at, actor, policyVersion, note);
        return new Obligation(id, reportId, partyId, audience, at, deadline, ObligationState.OPEN,
                Optional.empty(), 0, List.of(opened), Optional.empty());
    }

    /** The states this obligation may move to now. */
    public List<ObligationState> allowedNext() {
        List<ObligationState> allowed = new ArrayList<>(state.successors());
        resumeState.ifPresent(resume -> resume.successors().stream()
                .filter(s -> s != ObligationState.OVERDUE && !allowed.contains(s))
                .forEach(allowed::add));
        return allowed;
    }

    /**
     * Moves to {@code target}, or refuses with {@link IllegalTransitionException} naming the allowed
     * states. Leaving overdue/escalated for real work clears the resume state.
     */
    public Obligation moveTo(ObligationState target, Instant at, String actor, int policyVersion, String note) {
        if (target == ObligationState.CLOSED) {
            throw new IllegalArgumentException("an obligation is closed with a reason (close), not moved to closed");
        }
        return step(target, at, actor, policyVersion, note, Optional.empty());
    }

    /**
     * Closes the obligation for {@code reason}, or refuses with {@link IllegalTransitionException} when
     * the state graph does not allow it from where it stands.
     */
    public Obligation close(ClosingReason reason, Instant at, String actor, int policyVersion, String note) {
        return step(ObligationState.CLOSED, at, actor, policyVersion, note, Optional.of(reason));
    }

    /**
     * Opens again an obligation closed as {@link ClosingReason#NO_LONGER_AFFECTED no-longer-affected} whose
     * party is affected once more (it moved back, or the report was revised again), with a new deadline: the
     * obligation's id names its report and party, so the duty resumes on the same obligation, history and all.
     * Any other closed obligation stays closed (refused with {@link IllegalTransitionException}).
     */
    public Obligation reopen(Instant at, Instant newDeadline, String actor, int policyVersion, String note) {
        if (state != ObligationState.CLOSED || closedAs.orElse(null) != ClosingReason.NO_LONGER_AFFECTED) {
            throw new IllegalTransitionException(id, state, ObligationState.OPEN,
                    "only an obligation closed as no-longer-affected opens again");
        }
        List<Transition> grown = new ArrayList<>(history);
        grown.add(new Transition(state, ObligationState.OPEN, at, actor, policyVersion, note));
        return new Obligation(id, reportId, partyId, audience, openedAt, newDeadline, ObligationState.OPEN,
                Optional.empty(), escalations, grown, Optional.empty());
    }

    /**
     * The same obligation due earlier, at {@code sooner}: the threat came nearer while its warning was still
     * awaited. The state does not change; the history records the step, so the obligation shows why its
     * deadline is not the one it was opened with.
     */
    public Obligation dueSooner(Instant sooner, Instant at, String actor, int policyVersion, String note) {
        if (!sooner.isBefore(deadline)) {
            throw new IllegalArgumentException("obligation " + id + " is due " + deadline + "; " + sooner + " is not sooner");
        }
        if (!workingState().isBeforeIssue()) {
            throw new IllegalStateException("obligation " + id + " is " + state.code() + ": its warning is out, a deadline no longer binds it");
        }
        List<Transition> grown = new ArrayList<>(history);
        grown.add(new Transition(state, state, at, actor, policyVersion, note));
        return new Obligation(id, reportId, partyId, audience, openedAt, sooner, state, resumeState, escalations, grown,
                closedAs);
    }

    private Obligation step(ObligationState target, Instant at, String actor, int policyVersion, String note,
                            Optional<ClosingReason> reason) {
        if (!allowedNext().contains(target)) {
            throw new IllegalTransitionException(id, state, target,
                    allowedNext().isEmpty() ? "nothing, it is final"
                            : allowedNext().stream().map(ObligationState::code).collect(Collectors.joining(", ")));
        }
        Optional<ObligationState> resume = switch (target) {
            case OVERDUE -> Optional.of(state);
            // from overdue: where it stood before; from issued or renewed (undelivered): that state
            case ESCALATED -> resumeState.or(() -> Optional.of(state));
            default -> Optional.empty();
        };
        int escalated = target == ObligationState.ESCALATED ? escalations + 1 : escalations;
        List<Transition> grown = new ArrayList<>(history);
        grown.add(new Transition(state, target, at, actor, policyVersion, note));
        return new Obligation(id, reportId, partyId, audience, openedAt, deadline, target, resume, escalated, grown,
                reason);
    }

    /** The state that counts for the work: the resumed one while overdue or escalated. */
    public ObligationState workingState() {
        return resumeState.orElse(state);
    }

    /**
     * Whether a warning to the party is out: by its working state, so an obligation escalated because the warning
     * could not be delivered still holds that warning, which the clock expires when it ends like any other.
     */
    public boolean hasLiveWarning() {
        return workingState().hasLiveWarning();
    }

    /** A deadline is the instant before which the warning must be out: from it on, the obligation is overdue. */
    public boolean isOverdueAt(Instant now) {
        return workingState().isBeforeIssue() && !now.isBefore(deadline);
    }

    /** When it first reached {@code target}, if it ever did. */
    public Optional<Instant> firstReached(ObligationState target) {
        return history.stream().filter(t -> t.to() == target).map(Transition::at).findFirst();
    }
}
