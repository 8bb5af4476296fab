package io.forewarn.obligation;

import io.forewarn.party.Affected;
import io.forewarn.party.Party;
import io.forewarn.policy.Deadlines;
import io.forewarn.report.ThreatReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a report affects, decided whenever either side changes: a report received opens an obligation per
 * affected party; a party registered, replaced or moved is resolved against every report whose threat window
 * is still open (those whose place can reach it, or whose named target may name it, found through the casebook's
 * indexes of report places and named targets), and a
 * report revised against the parties its new place reaches. A party affected without an obligation gets one;
 * one that no longer matches keeps its obligation, closed as {@link ClosingReason#NO_LONGER_AFFECTED}; one that
 * matches again has it opened again. Every obligation opened or closed names the event that caused it.
 *
 * <p>It returns the events it made, for the caller to publish with its own in one batch.
 */
final class Resolution {

    private final DutyToWarn duty;

    Resolution(DutyToWarn duty) {
        this.duty = Objects.requireNonNull(duty, "duty");
    }

    /** Opens an obligation for each hit of a report just received (none is on file). */
    List<DutyEvent> open(ThreatReport report, List<Affected> hits, Cause cause, String actor) {
        Instant now = duty.clock().instant();
        Deadlines.Due due = duty.deadlineFor(report, now);
        List<Obligation> opened = new ArrayList<>();
        List<DutyEvent> events = new ArrayList<>();
        for (Affected hit : hits) {
            Party party = hit.party();
            // opened with the report: its receipt is the cause, as the event says, and the note keeps the reason alone
            Obligation obligation = Obligation.open(Obligations.idFor(report.id(), party.id()), report.id(),
                    party.id(), party.audience(), now, due.at(), actor, duty.policy().version(),
                    cause.type() == EventType.REPORT_RECEIVED ? released(report, hit)
                            : released(report, hit) + "; upon " + cause.describe());
            opened.add(obligation);
            events.add(opening(obligation, due, released(report, hit), cause, actor, false));
        }
        duty.casebook().open(opened);
        return events;
    }

    /**
     * Resolves parties just stored (registered or replaced) against the open reports that can reach them and
     * against the reports of their obligations.
     *
     * @param causes         the event of each party's change, by party id
     * @param mayHaveObligations false when none of them can have an obligation yet (all newly registered),
     *                       which spares the question
     */
    List<DutyEvent> partiesChanged(List<Party> parties, Map<String, ? extends DutyEvent> causes,
                                   boolean mayHaveObligations, String actor) {
        if (parties.isEmpty()) {
            return List.of();
        }
        Instant now = duty.clock().instant();
        List<String> ids = parties.stream().map(Party::id).toList();
        Map<String, Set<String>> reaching = new LinkedHashMap<>(duty.casebook().reportsReaching(parties, now));
        duty.casebook().reportsNaming(parties, now).forEach((party, named) -> reaching.merge(party, named, (a, b) -> {
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            return both;
        }));
        Map<String, Obligation> held = new HashMap<>();
        if (mayHaveObligations) {
            duty.casebook().obligationsOfParties(ids).forEach(o -> held.put(o.id(), o));
        }
        Map<String, Set<String>> reportsByParty = new LinkedHashMap<>();
        for (String id : ids) {
            reportsByParty.put(id, new LinkedHashSet<>(reaching.getOrDefault(id, Set.of())));
        }
        held.values().forEach(o -> reportsByParty.get(o.partyId()).add(o.reportId()));
        Map<String, Optional<ThreatReport>> reports = new HashMap<>();
        List<Obligation> opened = new ArrayList<>();
        List<DutyEvent> events = new ArrayList<>();
        List<DutyEvent> openings = new ArrayList<>();
        for (Party party : parties) {
            Cause cause = Cause.of(causes.get(party.id()));
            for (String reportId : reportsByParty.get(party.id())) {
                Optional<ThreatReport> report = reports.computeIfAbsent(reportId, duty.casebook()::report);
                if (report.isEmpty() || !isOpen(report.get(), now)) {
                    continue;
                }
                Optional<Affected> hit = duty.affected(report.get(), List.of(party)).stream().findFirst();
                Obligation obligation = held.get(Obligations.idFor(reportId, party.id()));
                if (obligation == null && hit.isPresent()) {
                    Deadlines.Due due = duty.deadlineFor(report.get(), now);
                    Obligation fresh = Obligation.open(Obligations.idFor(reportId, party.id()), reportId, party.id(),
                            party.audience(), now, due.at(), actor, duty.policy().version(),
                            released(report.get(), hit.get()) + "; upon " + cause.describe());
                    opened.add(fresh);
                    openings.add(opening(fresh, due, released(report.get(), hit.get()), cause, actor, false));
                } else if (obligation != null) {
                    settle(report.get(), obligation, hit, cause, actor).ifPresent(events::add);
                } else {
                    // not affected: its name may still be near the report's named target, for an analyst to decide
                    events.addAll(duty.offerNearMatches(report.get(), List.of(party), Set.of(), actor));
                }
            }
        }
        duty.casebook().open(opened);
        events.addAll(openings);
        return events;
    }

    /** Closes the obligations of a removed party still awaiting their warning, for reports whose window is open. */
    List<DutyEvent> partyRemoved(String partyId, Cause cause, String actor) {
        Instant now = duty.clock().instant();
        List<DutyEvent> events = new ArrayList<>();
        Map<String, Optional<ThreatReport>> reports = new HashMap<>();
        for (Obligation obligation : duty.casebook().obligationsOfParties(List.of(partyId))) {
            Optional<ThreatReport> report = reports.computeIfAbsent(obligation.reportId(), duty.casebook()::report);
            if (report.isPresent() && isOpen(report.get(), now)) {
                settle(report.get(), obligation, Optional.empty(), cause, actor).ifPresent(events::add);
            }
        }
        return events;
    }

    /** Resolves a revised report against the parties its place reaches now and those it has obligations to. */
    List<DutyEvent> reportRevised(ThreatReport report, Cause cause, String actor) {
        Instant now = duty.clock().instant();
        if (!duty.casebook().triage(report.id()).map(t -> t.obligesWarning()).orElse(false) || !isOpen(report, now)) {
            return List.of();
        }
        Map<String, Affected> hits = new LinkedHashMap<>();
        duty.affected(report).forEach(hit -> hits.put(hit.party().id(), hit));
        Map<String, Obligation> held = new LinkedHashMap<>();
        duty.casebook().obligationsOf(report.id()).forEach(o -> held.put(o.partyId(), o));
        List<DutyEvent> events = new ArrayList<>();
        Deadlines.Due due = duty.deadlineFor(report, now);
        for (Obligation obligation : held.values()) {
            Optional<Affected> hit = Optional.ofNullable(hits.get(obligation.partyId()));
            Optional<DutyEvent> settled = settle(report, obligation, hit, cause, actor);
            settled.ifPresent(events::add);
            if (settled.isEmpty() && hit.isPresent()) {
                broughtForward(obligation, due, cause, actor).ifPresent(events::add);
            }
        }
        List<Affected> fresh = hits.values().stream().filter(hit -> !held.containsKey(hit.party().id())).toList();
        events.addAll(open(report, fresh, cause, actor));
        return events;
    }

    /**
     * An obligation still awaiting its warning whose report now threatens sooner is due sooner: its deadline is
     * what the policy gives the revised window from the revision on, when that comes first. A later window never
     * moves a deadline back: the agency already owed the warning by then.
     */
    private Optional<DutyEvent> broughtForward(Obligation obligation, Deadlines.Due due, Cause cause, String actor) {
        if (!obligation.state().isBeforeIssue() || !due.at().isBefore(obligation.deadline())) {
            return Optional.empty();
        }
        Instant now = duty.clock().instant();
        Obligation sooner = obligation.dueSooner(due.at(), now, actor, duty.policy().version(),
                "deadline brought forward to " + duty.local(due.at()) + " upon " + cause.describe());
        duty.casebook().put(sooner);
        return Optional.of(new DutyEvent.DeadlineBroughtForward(now, sooner, obligation.deadline(), actor,
                "obligation to warn " + obligation.partyId() + " now due " + duty.local(due.at()) + " ("
                        + due.basis().code() + "), was " + duty.local(obligation.deadline()) + ", upon " + cause.describe()));
    }

    /**
     * The step an obligation on file takes now that its party is ({@code hit} present) or is not affected:
     * closed as no-longer-affected while it still awaits its warning, opened again when it was closed so
     * and matches again; otherwise it stays as it is (a warning that is out, a waiver, an earlier closing).
     */
    private Optional<DutyEvent> settle(ThreatReport report, Obligation obligation, Optional<Affected> hit, Cause cause,
                                       String actor) {
        Instant now = duty.clock().instant();
        boolean closedAsGone = obligation.closedAs().orElse(null) == ClosingReason.NO_LONGER_AFFECTED;
        if (hit.isPresent() && closedAsGone) {
            Deadlines.Due due = duty.deadlineFor(report, now);
            Obligation reopened = obligation.reopen(now, due.at(), actor, duty.policy().version(),
                    released(report, hit.get()) + "; upon " + cause.describe());
            duty.casebook().put(reopened);
            return Optional.of(opening(reopened, due, released(report, hit.get()), cause, actor, true));
        }
        if (hit.isEmpty() && ObligationState.AWAITING_WARNING.contains(obligation.state())) {
            String why = obligation.partyId() + " is no longer affected by " + report.id() + "; upon " + cause.describe();
            Obligation closed = duty.close(obligation.id(), ClosingReason.NO_LONGER_AFFECTED, actor, why);
            return Optional.of(new DutyEvent.ObligationClosed(now, closed, ClosingReason.NO_LONGER_AFFECTED, actor,
                    "obligation " + obligation.id() + " closed as " + ClosingReason.NO_LONGER_AFFECTED.code() + ": " + why));
        }
        return Optional.empty();
    }

    private DutyEvent opening(Obligation obligation, Deadlines.Due due, String why, Cause cause, String actor,
                              boolean again) {
        return new DutyEvent.ObligationOpened(obligation.history().get(obligation.history().size() - 1).at(), obligation,
                cause, actor, "obligation to warn " + obligation.partyId() + " (" + obligation.audience() + ") opened"
                + (again ? " again" : "") + " upon " + cause.describe() + ", " + due.basis().code() + " deadline "
                + duty.local(due.at()) + "; " + why);
    }

    /**
     * The reasons a party is affected, as released to every reader: a reason whose wording would reveal the
     * report's protected material is withheld (see {@link NeedToKnow}), as for an obligation opened at receipt.
     */
    private static String released(ThreatReport report, Affected hit) {
        return DutyToWarn.releasedReasons(new NeedToKnow(id -> Optional.of(report)), report.id(), hit);
    }

    /** A report that obliges warnings and whose threat window has not ended: a party change may obligate. */
    private boolean isOpen(ThreatReport report, Instant now) {
        return now.isBefore(report.window().to());
    }
}
