package io.forewarn.obligation;

import io.forewarn.policy.Role;
import io.forewarn.report.ThreatReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the clock alone decides: obligations past their deadline become overdue and escalate along
 * the policy's chain (once per further deadline period), warnings expire at the end of their
 * validity, and a renewal falls due {@code renewBeforeExpiry} before a warning expires while the
 * threat window is still open. A renewal counts as missed when the warning expires before one is issued.
 * An obligation still awaiting its warning when its threat window ends is closed as
 * {@link ClosingReason#EXPIRED_UNWARNED expired-unwarned}: there is nothing left to warn of.
 *
 * <p>The live scheduler runs {@link #sweep()} periodically; a replay runs it at every instant
 * {@link #nextDueAfter(Instant)} names, so both take the same decisions.
 */
public final class DeadlineSweep {

    /** How many obligations a sweep reads at once: it holds one page, and the warnings of that page, at a time. */
    public static final int PAGE = 500;

    /** Later than any warning's end: renewals are looked for without a bound in time. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /** The states in which the clock can still decide something about an obligation. */
    private static final Set<ObligationState> CLOCK_WATCHES = clockWatches();

    private final DutyToWarn duty;

    /** The warnings of the page of obligations being decided, read in one question, by obligation id. */
    private Map<String, List<Warning>> pageWarnings = Map.of();

    public DeadlineSweep(DutyToWarn duty) {
        this.duty = Objects.requireNonNull(duty, "duty");
    }

    private static Set<ObligationState> clockWatches() {
        Set<ObligationState> states = EnumSet.copyOf(ObligationState.AWAITING_WARNING);
        for (ObligationState state : ObligationState.values()) {
            if (state.hasLiveWarning()) {
                states.add(state);
            }
        }
        return states;
    }

    /**
     * Takes every decision that is due now. It reads only what the clock may move (the casebook's
     * {@link Casebook#obligationsTheClockMayMove} and {@link Casebook#warningsAwaitingRenewal}), never every
     * obligation and warning, so a sweep costs what is due, not what the casebook holds. It reads them a page of
     * {@value #PAGE} at a time, with the warnings of each page in one question.
     */
    public void sweep() {
        Instant now = duty.clock().instant();
        Casebook casebook = duty.casebook();
        Slice slice = Slice.first(PAGE);
        while (true) {
            List<Obligation> page = casebook.obligationsTheClockMayMove(now, slice);
            readWarningsOf(page);
            for (Obligation obligation : page) {
                if (closeIfWindowEnded(obligation, now)) {
                    continue;
                }
                // one awaiting its warning may escalate; one with a warning out may expire; never both
                if (obligation.hasLiveWarning()) {
                    expireIfEnded(obligation, now);
                } else {
                    escalateIfOverdue(obligation, now);
                }
            }
            pageWarnings = Map.of();
            if (page.size() < PAGE) {
                break;
            }
            slice = slice.next(page.get(page.size() - 1).id());
        }
        for (Warning warning : casebook.warningsAwaitingRenewal(now.plus(duty.policy().renewBeforeExpiry()))) {
            if (renewalDueAt(warning).filter(due -> !now.isBefore(due)).isPresent() && !renewalOpened(warning)) {
                duty.publish(new DutyEvent.RenewalDue(now, warning, DutyToWarn.SCHEDULER, "warning " + warning.id() + " to "
                        + String.join(", ", warning.partyIds()) + " expires at " + duty.local(warning.validity().to())
                        + " while the threat lasts until " + duty.local(report(warning).window().to()) + ": renewal due"));
            }
        }
    }

    /** The next instant after {@code now} at which the clock alone will decide something. */
    public Optional<Instant> nextDueAfter(Instant now) {
        List<Instant> due = new ArrayList<>();
        Casebook casebook = duty.casebook();
        ObligationQuery watched = ObligationQuery.all().inStates(CLOCK_WATCHES);
        Slice slice = Slice.first(PAGE);
        while (true) {
            List<Obligation> page = casebook.obligations(watched, slice);
            readWarningsOf(page);
            for (Obligation obligation : page) {
                if (obligation.workingState().isBeforeIssue()) {
                    due.add(obligation.deadline());
                    due.add(duty.report(obligation.reportId()).window().to());
                    if (obligation.escalations() > 0 && obligation.escalations() < duty.policy().escalation().size()) {
                        due.add(nextEscalationAt(obligation));
                    }
                }
                if (obligation.hasLiveWarning()) {
                    latestWarning(obligation).ifPresent(w -> due.add(w.validity().to()));
                }
            }
            pageWarnings = Map.of();
            if (page.size() < PAGE) {
                break;
            }
            slice = slice.next(page.get(page.size() - 1).id());
        }
        // every warning a renewal may still fall due for: not renewed, none called for, ending before its threat
        for (Warning warning : casebook.warningsAwaitingRenewal(END_OF_TIME)) {
            if (!renewalOpened(warning)) {
                renewalDueAt(warning).ifPresent(due::add);
            }
        }
        return due.stream().filter(Objects::nonNull).filter(instant -> instant.isAfter(now)).min(Instant::compareTo);
    }

    /** Closes an obligation still awaiting its warning once its threat window has ended; whether it did. */
    private boolean closeIfWindowEnded(Obligation obligation, Instant now) {
        Instant windowEnd = duty.report(obligation.reportId()).window().to();
        if (!ObligationState.AWAITING_WARNING.contains(obligation.state()) || now.isBefore(windowEnd)) {
            return false;
        }
        String why = "the threat window ended at " + duty.local(windowEnd) + " with no warning out (it was "
                + obligation.state().code() + ")";
        Obligation closed = duty.close(obligation.id(), ClosingReason.EXPIRED_UNWARNED, DutyToWarn.SCHEDULER, why);
        duty.publish(new DutyEvent.ObligationClosed(now, closed, ClosingReason.EXPIRED_UNWARNED, DutyToWarn.SCHEDULER,
                "obligation to warn " + obligation.partyId() + " closed as " + ClosingReason.EXPIRED_UNWARNED.code()
                        + ": " + why));
        return true;
    }

    private void escalateIfOverdue(Obligation obligation, Instant now) {
        if (!obligation.isOverdueAt(now)) {
            return;
        }
        List<Role> chain = duty.policy().escalation();
        if (obligation.state() != ObligationState.OVERDUE && obligation.state() != ObligationState.ESCALATED) {
            Obligation overdue = duty.move(obligation.id(), ObligationState.OVERDUE, DutyToWarn.SCHEDULER,
                    "deadline " + duty.local(obligation.deadline()) + " passed");
            duty.publish(new DutyEvent.ObligationOverdue(now, overdue, DutyToWarn.SCHEDULER, "obligation to warn "
                    + obligation.partyId() + " is overdue (deadline " + duty.local(obligation.deadline()) + ")"));
            if (obligation.escalations() == 0) {
                escalate(obligation.id(), chain.get(0), now);
                return;
            }
            // Work resumed after an escalation and is still not done: the obligation stays with the role it
            // reached and goes on up the chain when the next escalation falls due, never back down.
        }
        Obligation current = duty.casebook().obligation(obligation.id()).orElseThrow();
        if (current.escalations() > 0 && current.escalations() < chain.size()
                && !now.isBefore(nextEscalationAt(current))) {
            escalate(current.id(), chain.get(current.escalations()), now);
        }
    }

    private void escalate(String obligationId, Role to, Instant now) {
        Obligation escalated = duty.move(obligationId, ObligationState.ESCALATED, DutyToWarn.SCHEDULER,
                "escalated to " + to.code());
        duty.publish(new DutyEvent.ObligationEscalated(now, escalated, to, DutyToWarn.SCHEDULER, "overdue obligation "
                + obligationId + " escalated to " + to.code()));
    }

    private void expireIfEnded(Obligation obligation, Instant now) {
        if (!obligation.hasLiveWarning()) {
            return;
        }
        Optional<Warning> latest = latestWarning(obligation);
        if (latest.isEmpty() || now.isBefore(latest.get().validity().to())) {
            return;
        }
        Warning warning = latest.get();
        ThreatReport report = report(warning);
        boolean threatGoesOn = warning.validity().to().isBefore(report.window().to());
        Obligation expired = duty.move(obligation.id(), ObligationState.EXPIRED, DutyToWarn.SCHEDULER,
                "warning " + warning.id() + " expired");
        duty.publish(new DutyEvent.WarningExpired(now, expired, warning, DutyToWarn.SCHEDULER, "warning " + warning.id()
                + " to " + obligation.partyId() + " expired" + (threatGoesOn
                ? " while the threat window is open until " + duty.local(report.window().to()) + "; no renewal was issued"
                : " with the end of the threat window")));
    }

    private Optional<Instant> renewalDueAt(Warning warning) {
        if (isSuperseded(warning) || !warning.validity().to().isBefore(report(warning).window().to())) {
            return Optional.empty();
        }
        boolean anyLive = warning.partyIds().stream()
                .map(party -> duty.casebook().obligation(warning.reportId(), party))
                .flatMap(Optional::stream)
                .anyMatch(o -> o.hasLiveWarning() || o.state() == ObligationState.EXPIRED);
        if (!anyLive) {
            return Optional.empty();
        }
        Duration lead = duty.policy().renewBeforeExpiry();
        return Optional.of(warning.validity().to().minus(lead));
    }

    private boolean isSuperseded(Warning warning) {
        return duty.casebook().isRenewed(warning.id());
    }

    private boolean renewalOpened(Warning warning) {
        return duty.casebook().hasEvent(EventType.RENEWAL_DUE.code(), warning.id());
    }

    /** Reads the warnings of a page's obligations that have one out, in one question. */
    private void readWarningsOf(List<Obligation> page) {
        List<Obligation> warned = page.stream().filter(Obligation::hasLiveWarning).toList();
        Map<String, List<Warning>> read = new java.util.HashMap<>(duty.casebook().warningsTo(warned));
        warned.forEach(o -> read.putIfAbsent(o.id(), List.of()));
        pageWarnings = read;
    }

    private Optional<Warning> latestWarning(Obligation obligation) {
        // a sweep issues no warning, so those read for the page are all there are
        List<Warning> warnings = pageWarnings.containsKey(obligation.id()) ? pageWarnings.get(obligation.id())
                : duty.casebook().warningsTo(obligation.reportId(), obligation.partyId());
        return warnings.isEmpty() ? Optional.empty() : Optional.of(warnings.get(warnings.size() - 1));
    }

    private Instant nextEscalationAt(Obligation obligation) {
        Duration period = Duration.between(obligation.openedAt(), obligation.deadline());
        return obligation.deadline().plus(period.multipliedBy(Math.max(1, obligation.escalations())));
    }

    private ThreatReport report(Warning warning) {
        return duty.report(warning.reportId());
    }
}
