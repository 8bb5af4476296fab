package io.forewarn.obligation;

import io.forewarn.language.Language;
import io.forewarn.party.Affected;
import io.forewarn.party.AffectedParties;
import io.forewarn.party.NamedTarget;
import io.forewarn.party.Party;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Reach;
import io.forewarn.policy.Deadlines;
import io.forewarn.policy.Policy;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.report.Timestamps;
import io.forewarn.incident.Incident;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.Justification;
import io.forewarn.sanitize.LeakCheckRefusal;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.sanitize.Specificity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The duty-to-warn workflow: a report comes in, the policy decides whether it obliges a warning,
 * affected parties are resolved, one obligation per party is opened with its deadline, warnings are
 * drafted per audience, approved by a second person, issued, delivered and acknowledged, renewed
 * while the threat lasts, and every decision not to warn is a waiver approved under the policy's rules.
 *
 * <p>Time comes only from the injected clock, so a scenario replays under a simulated clock through
 * exactly this code. Every step publishes a {@link DutyEvent} through its {@link DutyEvents}, which put it on
 * the casebook's timeline and tell whoever listens.
 */
public final class DutyToWarn {

    /** The actor name used for steps the system takes by itself (deadlines, expiry, renewal). */
    public static final String SCHEDULER = "scheduler";

    private final Casebook casebook;
    private final DutyEvents events;
    private final Policy policy;
    private final Sanitizer sanitizer;
    private final Clock clock;
    private final Gazetteer gazetteer;

    /** A workflow whose events go on the casebook's timeline and nowhere else. */
    public DutyToWarn(Casebook casebook, Policy policy, Sanitizer sanitizer, Clock clock) {
        this(casebook, new Timeline(casebook), policy, sanitizer, clock);
    }

    /** A workflow that compares places by their geometry and names only. */
    public DutyToWarn(Casebook casebook, DutyEvents events, Policy policy, Sanitizer sanitizer, Clock clock) {
        this(casebook, events, policy, sanitizer, clock, Gazetteer.NONE);
    }

    /**
     * @param gazetteer what places named places within one another when parties are resolved (see {@link
     *                  AffectedParties}); the casebook's index of places must file parties by the same one
     */
    public DutyToWarn(Casebook casebook, DutyEvents events, Policy policy, Sanitizer sanitizer, Clock clock,
                      Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.casebook = Objects.requireNonNull(casebook, "casebook");
        this.events = Objects.requireNonNull(events, "events");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Casebook casebook() {
        return casebook;
    }

    public Policy policy() {
        return policy;
    }

    /** Receives a report and opens one obligation per affected party when the policy obliges a warning. */
    public List<Obligation> receive(ThreatReport report, String actor) {
        Instant now = clock.instant();
        Triage outcome = Triage.of(report, policy);
        casebook.putReport(report, outcome);
        DutyEvent received = new DutyEvent.ReportReceived(now, report, outcome, actor, "report " + report.id()
                + " received: harm " + report.harm().code() + ", credibility " + report.credibility());
        // the receipt and all that follows from it go to the timeline as one append, in this order
        List<DutyEvent> recorded = new ArrayList<>(List.of(received));
        if (!outcome.obligesWarning()) {
            recorded.add(outcome.outcome() == Triage.Outcome.NEEDS_TRIAGE
                    ? new DutyEvent.ReportTriaged(now, report, outcome, actor, outcome.reason())
                    : new DutyEvent.ReportOutOfScope(now, report, outcome, actor, outcome.reason()));
            events.publishAll(recorded);
            return List.of();
        }
        List<Party> candidates = candidates(report);
        List<Affected> affected = affected(report, candidates);
        List<DutyEvent> openings = new Resolution(this).open(report, affected, Cause.of(received), actor);
        recorded.addAll(openings);
        recorded.addAll(offerNearMatches(report, candidates,
                affected.stream().map(a -> a.party().id()).collect(Collectors.toSet()), actor));
        if (affected.isEmpty()) {
            recorded.add(new DutyEvent.NoPartyAffected(now, report, actor,
                    "no registered party is affected by " + report.id()));
        }
        events.publishAll(recorded);
        return openings.stream().filter(DutyEvent.ObligationOpened.class::isInstance)
                .map(e -> ((DutyEvent.ObligationOpened) e).obligation()).toList();
    }

    /**
     * Revises a received report's place or threat window (at least one), and resolves it again: parties it now
     * affects get their obligations, those it no longer affects have theirs closed as no-longer-affected.
     *
     * @return the report as revised
     */
    public ThreatReport revise(String reportId, Optional<io.forewarn.place.Place> place, Optional<TimeWindow> window,
                               String actor) {
        if (place.isEmpty() && window.isEmpty()) {
            throw new IllegalArgumentException("a revision changes the place, the time or both; it gave neither");
        }
        ThreatReport before = report(reportId);
        ThreatReport revised = new ThreatReport(before.id(), before.receivedAt(), before.harm(), before.credibility(),
                place.orElse(before.place()), window.orElse(before.window()), before.statements(), before.portions(),
                before.protectedMaterial(), before.synthetic());
        casebook.reviseReport(revised);
        List<String> what = new ArrayList<>();
        place.ifPresent(p -> what.add("place"));
        window.ifPresent(w -> what.add("time"));
        // which facets changed, never their values: a report's place may be protected from some readers
        DutyEvent event = new DutyEvent.ReportRevised(clock.instant(), revised, before, actor, "report " + reportId
                + " revised: " + String.join(", ", what));
        List<DutyEvent> all = new ArrayList<>();
        all.add(event);
        all.addAll(new Resolution(this).reportRevised(revised, Cause.of(event), actor));
        events.publishAll(all);
        return revised;
    }

    /**
     * The parties a report affects: the candidates the casebook's indexes find, those its place reaches (by
     * geometry, names and the gazetteer) and those its named target names, then the exact check on them only.
     */
    List<Affected> affected(ThreatReport report) {
        return affected(report, candidates(report));
    }

    /**
     * The exact check of whether one report affects these parties: by place, target and name ({@link
     * AffectedParties}), and as a near match of its named target an analyst confirmed.
     */
    List<Affected> affected(ThreatReport report, List<Party> parties) {
        List<Affected> hits = new ArrayList<>(new AffectedParties(parties, gazetteer).resolve(report));
        if (NamedTarget.of(report).isEmpty()) {
            return hits;
        }
        java.util.Set<String> hit = hits.stream().map(a -> a.party().id()).collect(Collectors.toSet());
        Map<String, NearMatch> confirmed = new java.util.HashMap<>();
        casebook.nearMatchesOf(report.id()).stream().filter(m -> m.status() == NearMatch.Status.CONFIRMED)
                .forEach(m -> confirmed.put(m.partyId(), m));
        for (Party party : parties) {
            if (!hit.contains(party.id()) && confirmed.containsKey(party.id())) {
                hits.add(new Affected(party, List.of(confirmed.get(party.id()).confirmedReason())));
            }
        }
        return hits;
    }

    /** The candidates of a report: the parties its place reaches and those its named target may name, each once. */
    private List<Party> candidates(ThreatReport report) {
        Map<String, Party> candidates = new java.util.LinkedHashMap<>();
        casebook.partiesReached(Reach.of(report.place(), gazetteer)).forEach(p -> candidates.put(p.id(), p));
        NamedTarget.of(report).ifPresent(target -> casebook.partiesNamed(NamedTarget.lookups(target))
                .forEach(p -> candidates.putIfAbsent(p.id(), p)));
        return List.copyOf(candidates.values());
    }

    /**
     * Offers each of these parties whose name is near the report's named target ({@link NamedTarget.Closeness#NEAR})
     * to an analyst, unless it is affected or was offered for this report before: never guessed, never dropped.
     * The summaries name ids only; the names are read, by those with need-to-know, on the offer itself.
     */
    List<DutyEvent> offerNearMatches(ThreatReport report, List<Party> parties, java.util.Set<String> affected, String actor) {
        Optional<String> target = NamedTarget.of(report);
        if (target.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> offered = casebook.nearMatchesOf(report.id()).stream().map(NearMatch::partyId)
                .collect(Collectors.toSet());
        Instant now = clock.instant();
        List<DutyEvent> events = new ArrayList<>();
        for (Party party : parties) {
            if (affected.contains(party.id()) || offered.contains(party.id())) {
                continue;
            }
            Optional<NamedTarget.Match> near = NamedTarget.match(target.get(), party.knownAs())
                    .filter(match -> match.closeness() == NamedTarget.Closeness.NEAR);
            if (near.isPresent()) {
                NearMatch offer = new NearMatch(casebook.nextId("M"), report.id(), party.id(), near.get().known(),
                        near.get().how(), now, NearMatch.Status.OFFERED, Optional.empty());
                casebook.put(offer);
                offered.add(party.id());
                events.add(new DutyEvent.NearMatchOffered(now, offer, actor, "near match " + offer.id() + " offered: a name "
                        + "of " + party.id() + " is near the named target of report " + report.id() + " (" + offer.how()
                        + "); an analyst confirms or rejects it"));
            }
        }
        return events;
    }

    /**
     * An analyst confirms a near match: the party is the report's named target, is affected from now on, and its
     * obligation is opened by this step (while the report's threat window is open), with the analyst's login.
     *
     * @param note why, for those with need-to-know; empty when none is given
     */
    public NearMatch confirmNearMatch(String id, String actor, String note) {
        NearMatch offer = nearMatch(id);
        ThreatReport report = report(offer.reportId());
        Party party = party(offer.partyId());
        if (casebook.obligation(report.id(), party.id()).isPresent()) {
            throw new IllegalStateException("near match " + id + " cannot be confirmed: report " + report.id()
                    + " already has an obligation to warn " + party.id() + "; reject it instead");
        }
        Instant now = clock.instant();
        NearMatch confirmed = offer.decided(true, actor, now, note);
        casebook.put(confirmed);
        DutyEvent event = new DutyEvent.NearMatchConfirmed(now, confirmed, actor, "near match " + id + " confirmed by "
                + actor + ": " + party.id() + " is the named target of report " + report.id());
        List<DutyEvent> all = new ArrayList<>(List.of(event));
        boolean obliges = casebook.triage(report.id()).map(Triage::obligesWarning).orElse(false);
        if (obliges && now.isBefore(report.window().to())) {
            all.addAll(new Resolution(this).open(report, List.of(new Affected(party, List.of(confirmed.confirmedReason()))),
                    Cause.of(event), actor));
        }
        events.publishAll(all);
        return confirmed;
    }

    /** An analyst rejects a near match: the party is not the report's named target, and is not offered again. */
    public NearMatch rejectNearMatch(String id, String actor, String note) {
        NearMatch rejected = nearMatch(id).decided(false, actor, clock.instant(), note);
        casebook.put(rejected);
        publish(new DutyEvent.NearMatchRejected(clock.instant(), rejected, actor, "near match " + id + " rejected by "
                + actor + ": " + rejected.partyId() + " is not the named target of report " + rejected.reportId()));
        return rejected;
    }

    private NearMatch nearMatch(String id) {
        return casebook.nearMatch(id).orElseThrow(() -> new IllegalArgumentException("no near match " + id));
    }

    /** Party registration, replacement, import and removal, each resolved against the open reports. */
    public PartyRegister parties() {
        return new PartyRegister(this, events);
    }

    /**
     * Why a party is affected, as every reader may read it: the reasons quote the report's place and target, so
     * a reason through which the report's protected material shows is named by its rule alone.
     */
    static String releasedReasons(NeedToKnow needToKnow, String reportId, Affected hit) {
        return hit.reasons().stream()
                .map(reason -> needToKnow.released(reportId, reason, () -> rule(reason)
                        + ": wording withheld, it would reveal protected material of the report"))
                .collect(Collectors.joining("; "));
    }

    /** The rule a reason states, e.g. {@code place} of "place: names: same country RU". */
    private static String rule(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : "reason";
    }

    /**
     * The deadline of the obligations a report opens at {@code receivedAt}: the policy's, kept inside the
     * threat window (see {@link Deadlines#due}).
     */
    Deadlines.Due deadlineFor(ThreatReport report, Instant receivedAt) {
        return policy.deadlines().due(receivedAt, report.window());
    }

    /** Drafts the warning for one audience of a report at the most specific level its ceiling allows. */
    public DraftRecord draft(String reportId, Audience audience, String actor) {
        return draft(reportId, audience, Map.of(), Map.of(), actor);
    }

    /**
     * Drafts the warning for one audience, holding some facets at lower levels with a justification
     * each. It answers every obligation of that audience that is still waiting for a warning.
     */
    public DraftRecord draft(String reportId, Audience audience, Map<Facet, Level> lowered,
                             Map<Facet, Justification> justifications, String actor) {
        ThreatReport report = report(reportId);
        List<String> waiting = casebook.obligationsOf(reportId).stream()
                .filter(o -> o.audience().equals(audience))
                .filter(o -> o.workingState() == ObligationState.OPEN || o.workingState() == ObligationState.DRAFTED)
                .map(Obligation::id)
                .toList();
        if (waiting.isEmpty()) {
            throw new IllegalStateException("no obligation of audience " + audience + " for report " + reportId
                    + " is waiting for a draft");
        }
        if (justifications.containsValue(Justification.WAIVER)) {
            List<String> unwaived = waiting.stream().filter(id -> !mayBeLessSpecific(id)).toList();
            if (!unwaived.isEmpty()) {
                throw new IllegalStateException("a facet lowered on the ground of a waiver needs an approved waiver to warn "
                        + "less specifically; none covers " + String.join(", ", unwaived));
            }
        }
        Draft draft = sanitizer.draft(report, audience, ceiling(audience), lowered, justifications, policy.advice(),
                languagesFor(audience, waiting));
        DraftRecord record = new DraftRecord(casebook.nextId("D"), draft, actor, clock.instant(), waiting,
                Optional.empty(), DraftRecord.Status.DRAFTED, Optional.empty());
        cancelDraftsSupersededBy(record, actor);
        casebook.put(record);
        List<Obligation> drafted = new ArrayList<>();
        for (String id : waiting) {
            drafted.add(move(id, ObligationState.DRAFTED, actor, "draft " + record.id()));
        }
        publish(new DutyEvent.WarningDrafted(record.draftedAt(), record, drafted, actor, draftSummary(record)));
        return record;
    }

    /**
     * The languages a draft is written in besides English: those the policy sets for the audience, then those
     * its parties name, each once.
     */
    private List<Language> languagesFor(Audience audience, List<String> obligationIds) {
        LinkedHashSet<Language> languages = new LinkedHashSet<>(policy.languages(audience));
        for (String id : obligationIds) {
            casebook.party(obligation(id).partyId()).ifPresent(party -> languages.addAll(party.languages()));
        }
        return List.copyOf(languages);
    }

    private boolean mayBeLessSpecific(String obligationId) {
        return casebook.waiversFor(obligationId).stream()
                .anyMatch(w -> w.isApproved() && w.scope() == Waiver.Scope.LESS_SPECIFIC);
    }

    /** A new draft for the same obligations replaces any earlier one still waiting for approval. */
    private void cancelDraftsSupersededBy(DraftRecord newer, String actor) {
        // obligation ids name their report, so only drafts of the same report can overlap
        for (DraftRecord older : casebook.draftsOf(newer.draft().reportId())) {
            boolean overlaps = older.obligationIds().stream().anyMatch(newer.obligationIds()::contains);
            if (overlaps && older.status() == DraftRecord.Status.DRAFTED && older.renews().isEmpty()) {
                DraftRecord cancelled = older.withStatus(DraftRecord.Status.CANCELLED);
                casebook.put(cancelled);
                publish(new DutyEvent.DraftCancelled(clock.instant(), cancelled, actor, "draft " + older.id()
                        + " is superseded by " + newer.id()));
            }
        }
    }

    /** Drafts the renewal of a warning that is about to expire (or has expired) while the threat lasts. */
    public DraftRecord draftRenewal(String warningId, String actor) {
        Warning current = casebook.warning(warningId)
                .orElseThrow(() -> new IllegalArgumentException("no warning " + warningId));
        ThreatReport report = report(current.reportId());
        List<String> obligations = current.partyIds().stream()
                .map(party -> Obligations.idFor(current.reportId(), party))
                .filter(id -> casebook.obligation(id).isPresent())
                .toList();
        Map<Facet, Level> lowered = current.justifications().isEmpty() ? Map.of() : current.released();
        Draft draft = sanitizer.draft(report, current.audience(), ceiling(current.audience()), lowered,
                current.justifications(), policy.advice(), languagesFor(current.audience(), obligations));
        DraftRecord record = new DraftRecord(casebook.nextId("D"), draft, actor, clock.instant(), obligations,
                Optional.of(warningId), DraftRecord.Status.DRAFTED, Optional.empty());
        casebook.put(record);
        publish(new DutyEvent.RenewalDrafted(record.draftedAt(), record, actor, draftSummary(record)));
        return record;
    }

    /**
     * Replaces the wording of one language of a draft before it is approved. The leak check reads the new
     * text, and an edit through which protected material shows is refused; the levels the text still
     * states are scored again (see {@link Sanitizer#edit}), so dropping a fact needs a justification.
     *
     * @throws LeakCheckRefusal when the new text reveals protected material; its message names only the
     *                          kind and number of each item
     */
    public DraftRecord editText(String draftId, Language language, String text, Map<Facet, Justification> justifications,
                                String actor) {
        DraftRecord record = draftRecord(draftId);
        if (record.status() != DraftRecord.Status.DRAFTED) {
            throw new IllegalStateException("draft " + draftId + " is " + record.status().code() + "; only a drafted "
                    + "draft can be edited (withdraw it and draft anew)");
        }
        ThreatReport report = report(record.draft().reportId());
        if (LeakCheck.forReport(report).check(text) instanceof LeakVerdict.Blocked blocked) {
            throw new LeakCheckRefusal("the leak check refuses the edited text of draft " + draftId + ": it reveals "
                    + blocked.matches().stream().map(match -> match.describe(Role.OVERSIGHT)).distinct()
                    .collect(Collectors.joining(", ")));
        }
        Draft before = record.draft();
        DraftRecord edited = record.withDraft(sanitizer.edit(before, report, language, text, justifications));
        casebook.put(edited);
        publish(new DutyEvent.DraftEdited(clock.instant(), edited, actor, "draft " + draftId + " edited by " + actor
                + " (" + language + "): specificity " + String.format(java.util.Locale.ROOT, "%.2f", before.specificity())
                + " -> " + String.format(java.util.Locale.ROOT, "%.2f", edited.draft().specificity()) + " "
                + levels(edited.draft().released())));
        return edited;
    }

    /** Approves a draft. The approver must be another person than the drafter and hold an approving role. */
    public DraftRecord approve(String draftId, String approver, Role role) {
        DraftRecord record = draftRecord(draftId);
        requireStatus(record, DraftRecord.Status.DRAFTED);
        List<String> obstacles = new ArrayList<>();
        if (!role.mayApprove()) {
            obstacles.add("the role " + role.code() + " cannot approve warnings");
        }
        if (record.draftedBy().equals(approver)) {
            obstacles.add(approver + " drafted it and cannot also approve it");
        }
        obstacles.addAll(record.draft().obstacles());
        if (!obstacles.isEmpty()) {
            publish(new DutyEvent.ApprovalRefused(clock.instant(), record, obstacles, approver, String.join("; ", obstacles)));
            throw new IllegalStateException("draft " + draftId + " cannot be approved: " + String.join("; ", obstacles));
        }
        List<String> answered = record.renews().isEmpty() ? awaiting(record, ObligationState.APPROVED) : List.of();
        DraftRecord approved = record.approvedBy(approver, role);
        casebook.put(approved);
        List<Obligation> moved = new ArrayList<>();
        for (String id : answered) {
            moved.add(move(id, ObligationState.APPROVED, approver, "draft " + draftId + " approved"));
        }
        publish(new DutyEvent.DraftApproved(clock.instant(), approved, moved, approver, "draft " + draftId
                + " approved by " + approver + " (" + role.code() + ")"));
        return approved;
    }

    /**
     * Cancels a draft that has not been issued. The obligations of a drafted one stay drafted, ready
     * for the next draft. An approved draft is cancelled only once none of its obligations stands
     * approved through it any more (a waiver was asked for, say): the state graph has no way from
     * approved back to drafted, so cancelling it earlier would leave them approved with nothing to issue.
     */
    public DraftRecord cancel(String draftId, String actor) {
        DraftRecord record = draftRecord(draftId);
        if (record.status() != DraftRecord.Status.DRAFTED && record.status() != DraftRecord.Status.APPROVED) {
            throw new IllegalStateException("draft " + draftId + " is " + record.status().name().toLowerCase()
                    + "; only a drafted or approved draft can be cancelled");
        }
        if (record.status() == DraftRecord.Status.APPROVED && record.renews().isEmpty()) {
            List<String> approved = record.obligationIds().stream()
                    .filter(id -> obligation(id).workingState() == ObligationState.APPROVED)
                    .toList();
            if (!approved.isEmpty()) {
                throw new IllegalStateException("draft " + draftId + " cannot be cancelled: " + String.join(", ", approved)
                        + (approved.size() == 1 ? " is" : " are") + " approved through it, and approved cannot go back "
                        + "to drafted (allowed from approved: " + ObligationState.APPROVED.successors().stream()
                        .map(ObligationState::code).collect(Collectors.joining(", ")) + "); issue the draft, "
                        + "or request a waiver");
            }
        }
        DraftRecord cancelled = record.withStatus(DraftRecord.Status.CANCELLED);
        casebook.put(cancelled);
        publish(new DutyEvent.DraftCancelled(clock.instant(), cancelled, actor, "draft " + draftId + " cancelled by " + actor));
        return cancelled;
    }

    /** Issues an approved draft as a warning, valid for the policy's period but never past the threat window. */
    public Warning issue(String draftId, String actor) {
        DraftRecord record = draftRecord(draftId);
        requireStatus(record, DraftRecord.Status.APPROVED);
        Instant now = clock.instant();
        ThreatReport report = report(record.draft().reportId());
        if (!now.isBefore(report.window().to())) {
            throw new IllegalStateException("the threat window of " + report.id() + " ended at " + local(report.window().to())
                    + "; there is nothing left to warn of");
        }
        ObligationState target = record.renews().isPresent() ? ObligationState.RENEWED : ObligationState.ISSUED;
        List<String> answered = awaiting(record, target);
        Instant until = now.plus(policy.validity());
        if (until.isAfter(report.window().to())) {
            until = report.window().to();
        }
        Draft draft = record.draft();
        List<String> partyIds = answered.stream()
                .map(id -> casebook.obligation(id).orElseThrow().partyId())
                .toList();
        Warning warning = new Warning(casebook.nextId("W"), report.id(), draft.audience(), partyIds, now,
                new TimeWindow(now, until), draft.released(), draft.releasedPlace(), draft.statedWindow(), draft.text(), draft.translations(),
                draft.specificity(), draft.justifications(), record.renews(), false);
        casebook.put(warning);
        casebook.put(record.withStatus(DraftRecord.Status.ISSUED));
        List<Obligation> moved = new ArrayList<>();
        for (String id : answered) {
            moved.add(move(id, target, actor, "warning " + warning.id()));
        }
        publishIssue(warning, moved, actor);
        return warning;
    }

    /**
     * Replays a warning that was actually given: it is issued as recorded, with its own levels,
     * text and validity, and moves the obligations of the parties it reached to issued.
     */
    public Warning issueRecorded(String reportId, List<String> partyIds, TimeWindow validity, Map<Facet, Level> released,
                                 Optional<String> text, Optional<TimeWindow> statedWindow,
                                 Map<Facet, Justification> justifications, String actor) {
        ThreatReport report = report(reportId);
        Audience audience = partyIds.stream().map(id -> party(id).audience()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a warning needs at least one party"));
        var releasedPlace = ThreatReport.placeLevel(released.get(Facet.PLACE))
                .map(level -> namesRevealingNothing(report, report.place().coarsenedTo(level)))
                .orElse(io.forewarn.place.Place.of(Map.of()));
        Optional<TimeWindow> stated = released.get(Facet.TIME).isNone() ? Optional.empty()
                : statedWindow.or(() -> Optional.of(validity));
        Instant now = clock.instant();
        Optional<String> renews = partyIds.stream()
                .flatMap(party -> casebook.warningsTo(reportId, party).stream())
                .map(Warning::id)
                .reduce((first, second) -> second);
        String id = casebook.nextId("W");
        String said = text.orElse("(text not published)");
        LeakVerdict leak = LeakCheck.forReport(report).check(said);
        if (leak instanceof LeakVerdict.Blocked blocked) {
            // History may have leaked; this record must not repeat it, to anyone.
            publish(new DutyEvent.RecordedWarningLeaked(now, id, actor, "the recorded text of warning " + id + " reveals "
                    + blocked.matches().stream().map(match -> match.describe(Role.OVERSIGHT)).distinct()
                    .collect(Collectors.joining(", ")) + "; the text is withheld from this record"));
            said = "(text withheld: it reveals protected material)";
        }
        Warning warning = new Warning(id, reportId, audience, partyIds, now, validity, released,
                releasedPlace, stated, said, Map.of(), Specificity.of(released), justifications, renews, true);
        casebook.put(warning);
        List<Obligation> moved = new ArrayList<>();
        for (String partyId : partyIds) {
            Optional<Obligation> obligation = casebook.obligation(reportId, partyId);
            if (obligation.isEmpty()) {
                String why = casebook.triage(reportId).filter(t -> !t.obligesWarning())
                        .map(t -> reportId + " created no obligations (" + t.reason() + ")")
                        .orElse(partyId + " was not resolved as affected by " + reportId);
                publish(new DutyEvent.WarningToUnaffectedParty(now, warning.id(), partyId, actor,
                        partyId + " was warned, but " + why));
                continue;
            }
            walkToIssued(obligation.get(), warning, actor).ifPresent(moved::add);
        }
        publishIssue(warning, moved, actor);
        return warning;
    }

    /**
     * A recorded warning's place is not recorded: it is rebuilt from the report's at the released level, so a
     * name of it through which the report's protected material shows is left out, as a draft would step it down.
     */
    private static Place namesRevealingNothing(ThreatReport report, Place place) {
        LeakCheck leakCheck = LeakCheck.forReport(report);
        Map<PlaceLevel, NamedPlace> kept = new EnumMap<>(PlaceLevel.class);
        place.levels().forEach((level, named) -> {
            if (!leakCheck.check(named.name()).isBlocked()) {
                kept.put(level, named);
            }
        });
        return Place.of(kept);
    }

    /** Moves the obligation on to issued (or renewed) by a recorded warning: its new version, if it moved. */
    private Optional<Obligation> walkToIssued(Obligation obligation, Warning warning, String actor) {
        String note = "recorded warning " + warning.id();
        ObligationState working = obligation.workingState();
        if (working.hasLiveWarning() || working == ObligationState.EXPIRED) {
            return Optional.of(move(obligation.id(), ObligationState.RENEWED, actor, note));
        }
        Optional<Obligation> moved = Optional.empty();
        for (ObligationState step : List.of(ObligationState.DRAFTED, ObligationState.APPROVED, ObligationState.ISSUED)) {
            if (moved.orElse(obligation).allowedNext().contains(step)) {
                moved = Optional.of(move(obligation.id(), step, actor, note));
            }
        }
        return moved;
    }

    /**
     * Withdraws an issued warning before its validity ends, by a role that may issue warnings (one person: a
     * cancellation releases nothing, so there is nothing for a second person to check, and a wrong or stale warning
     * must be withdrawable at once). From now on it is not in force, covers no one, and the clock does not renew it;
     * each obligation it held moves to expired, so while the threat lasts the obligation reads as uncovered (a
     * renewal, drafted, approved and issued by two people as always, warns again), never as covered. The outbox
     * tells every contact point it went to ({@link DutyEvent.WarningCancelled}).
     *
     * @param reason why, already leak-checked by the caller (it goes on the timeline)
     * @throws IllegalStateException when the warning was cancelled already, has ended, or a renewal replaced it
     */
    public Warning cancelWarning(String warningId, String reason, String actor, Role role) {
        Warning warning = casebook.warning(warningId).orElseThrow(() -> new IllegalArgumentException("no warning " + warningId));
        if (!role.mayApprove()) {
            throw new IllegalStateException("the role " + role.code() + " cannot cancel warnings");
        }
        Instant now = clock.instant();
        if (warning.cancellation().isPresent()) {
            Cancellation before = warning.cancellation().get();
            throw new IllegalStateException("warning " + warningId + " was cancelled already, at " + local(before.at())
                    + " by " + before.by());
        }
        if (!now.isBefore(warning.validity().to())) {
            throw new IllegalStateException("warning " + warningId + " ended at " + local(warning.validity().to())
                    + "; there is nothing left to cancel");
        }
        if (casebook.isRenewed(warningId)) {
            throw new IllegalStateException("warning " + warningId + " was replaced by its renewal; cancel the renewal");
        }
        Warning cancelled = warning.cancelled(new Cancellation(now, actor, reason));
        casebook.put(cancelled);
        List<Obligation> moved = new ArrayList<>();
        for (String partyId : warning.partyIds()) {
            Optional<Obligation> held = casebook.obligation(warning.reportId(), partyId)
                    .filter(o -> o.allowedNext().contains(ObligationState.EXPIRED));
            List<Warning> to = casebook.warningsTo(warning.reportId(), partyId);
            if (held.isPresent() && !to.isEmpty() && to.get(to.size() - 1).id().equals(warningId)) {
                moved.add(move(held.get().id(), ObligationState.EXPIRED, actor, "warning " + warningId + " cancelled"));
            }
        }
        Instant threatEnds = report(warning.reportId()).window().to();
        publish(new DutyEvent.WarningCancelled(now, cancelled, moved, actor, "warning " + warningId + " to "
                + String.join(", ", warning.partyIds()) + " cancelled by " + actor + " (" + role.code() + "): " + reason
                + (now.isBefore(threatEnds) ? "; the threat window is open until " + local(threatEnds) + ": "
                + (moved.isEmpty() ? "no obligation held it" : String.join(", ", moved.stream().map(Obligation::id).toList())
                + " expired, not covered") : "; the threat window ended at " + local(threatEnds))));
        return cancelled;
    }

    /**
     * A person's record that the warning reached the party of an obligation (liaison carried it): as {@link #deliver},
     * except that a party reached already (an email delivered the warning first) is not refused: the record is
     * ledgered and moves nothing, so a carrier is never turned away for being second.
     */
    public Obligation recordDelivery(String obligationId, String actor, String channel) {
        Obligation obligation = obligation(obligationId);
        if (obligation.state() == ObligationState.DELIVERED || obligation.state() == ObligationState.ACKNOWLEDGED) {
            publish(new DutyEvent.WarningDelivered(clock.instant(), obligation, channel, actor, "warning delivered to "
                    + obligation.partyId() + " over " + channel + "; it was " + obligation.state().code() + " already"));
            return obligation;
        }
        return deliver(obligationId, actor, channel);
    }

    /**
     * Records that a warning reached the party of an obligation over a channel: its obligation moves to delivered, or
     * the move is refused. The outbox settles through this one, so that two nodes settling two contact points of one
     * party at once record one delivery: the second is refused and settles again on what the first stored.
     */
    public Obligation deliver(String obligationId, String actor, String channel) {
        Obligation moved = move(obligationId, ObligationState.DELIVERED, actor, "delivered over " + channel);
        publish(new DutyEvent.WarningDelivered(clock.instant(), moved, channel, actor, "warning delivered to "
                + moved.partyId() + " over " + channel));
        return moved;
    }

    /**
     * Records that a person told the party of an obligation that its warning is withdrawn: the latest of the warnings
     * to that party under the obligation's report that was cancelled. A machine channel's cancellation is sent by the
     * outbox; this is the one liaison carries by hand.
     *
     * @throws IllegalStateException when no warning to the party under that report was cancelled: there is nothing
     *                               withdrawn to tell
     */
    public Obligation deliverWithdrawal(String obligationId, String actor, String channel) {
        Obligation obligation = obligation(obligationId);
        List<Warning> to = casebook.warningsTo(obligation.reportId(), obligation.partyId());
        Warning cancelled = null;
        for (Warning warning : to) {
            if (warning.cancellation().isPresent()) {
                cancelled = warning;
            }
        }
        if (cancelled == null) {
            throw new IllegalStateException("no warning to " + obligation.partyId() + " under report "
                    + obligation.reportId() + " was cancelled: there is no withdrawal to deliver");
        }
        publish(new DutyEvent.WithdrawalDelivered(clock.instant(), obligation, cancelled, channel, actor,
                "withdrawal of warning " + cancelled.id() + " delivered to " + obligation.partyId() + " over " + channel));
        return obligation;
    }

    /**
     * Records that the outbox gave up on one delivery to the party of an obligation, and escalates the obligation
     * to the next role of the policy's escalation list unless its warning reached the party another way (it was
     * delivered, or acknowledged, since): a warning that cannot be delivered is not a warning.
     *
     * @param why what went wrong, as every reader may read it (no contact details)
     * @param carriedWarning whether the delivery carried a warning (an alert or update): a cancellation's does not
     *                       escalate, as the warning it withdraws covers no one already
     * @return the obligation as it now stands
     */
    public Obligation deadLettered(String obligationId, String deliveryId, String channel, int attempts, String why,
                                   boolean carriedWarning) {
        Instant now = clock.instant();
        Obligation obligation = obligation(obligationId);
        publish(new DutyEvent.DeliveryDeadLettered(now, obligation, deliveryId, channel, attempts, SCHEDULER,
                "delivery " + deliveryId + " to " + obligation.partyId() + " over " + channel + " dead-lettered after "
                        + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + why));
        if (!carriedWarning || !obligation.allowedNext().contains(ObligationState.ESCALATED)
                || obligation.state() == ObligationState.ESCALATED
                || obligation.state() == ObligationState.DELIVERED || obligation.state() == ObligationState.ACKNOWLEDGED) {
            return obligation;
        }
        List<Role> chain = policy.escalation();
        Role to = chain.get(Math.min(obligation.escalations(), chain.size() - 1));
        Obligation escalated = move(obligationId, ObligationState.ESCALATED, SCHEDULER, "escalated to " + to.code()
                + ": delivery " + deliveryId + " dead-lettered");
        publish(new DutyEvent.ObligationEscalated(now, escalated, to, SCHEDULER, "undelivered obligation "
                + obligationId + " escalated to " + to.code()));
        return escalated;
    }

    /** Records that a contact point of a party was disabled, as its other side asked during a delivery. */
    public void contactPointDisabled(String partyId, String channel, String deliveryId) {
        publish(new DutyEvent.ContactPointDisabled(clock.instant(), partyId, channel, deliveryId, SCHEDULER,
                "a " + channel + " contact point of " + partyId + " is disabled: its receiver asked, answering delivery "
                        + deliveryId + ", never to be sent to again"));
    }

    /** Records the party's acknowledgement of its warning. */
    public Obligation acknowledge(String obligationId, String actor) {
        Obligation moved = move(obligationId, ObligationState.ACKNOWLEDGED, actor, "acknowledged");
        publish(new DutyEvent.WarningAcknowledged(clock.instant(), moved, actor, moved.partyId() + " acknowledged the warning"));
        return moved;
    }

    /** Asks not to warn a party (or to warn it less specifically), citing one of the allowed reasons. */
    public Waiver requestWaiver(String obligationId, WaiverReason reason, Waiver.Scope scope, String requestedBy,
                                Role role, Optional<String> alternative) {
        Obligation obligation = obligation(obligationId);
        if (!role.mayRequestWaivers()) {
            throw new IllegalStateException("the role " + role.code() + " cannot request waivers");
        }
        if (scope == Waiver.Scope.NOT_WARNED) {
            move(obligationId, ObligationState.WAIVER_REQUESTED, requestedBy, "waiver requested: " + reason.code());
        } else if (obligation.state() == ObligationState.WAIVED) {
            throw new IllegalStateException("obligation " + obligationId + " is already waived");
        }
        Waiver waiver = new Waiver(casebook.nextId("X"), obligationId, reason, scope, requestedBy, role,
                clock.instant(), alternative, Optional.empty());
        casebook.put(waiver);
        publish(new DutyEvent.WaiverRequested(clock.instant(), waiver, requestedBy, "waiver " + waiver.id() + " for "
                + obligationId + " requested on the ground " + reason.code() + " (" + scopeWords(scope) + ")"
                + alternative.map(a -> "; alternative: " + a).orElse("; no alternative recorded")));
        return waiver;
    }

    /**
     * Approves or rejects a waiver. Approval must pass every {@link WaiverRules} rule; a rejection
     * sends the obligation back to open.
     */
    public Waiver decideWaiver(String waiverId, boolean approve, String decidedBy, Role role, String note) {
        Waiver waiver = casebook.waiver(waiverId).orElseThrow(() -> new IllegalArgumentException("no waiver " + waiverId));
        if (waiver.decision().isPresent()) {
            throw new IllegalStateException("waiver " + waiverId + " has already been decided");
        }
        if (!role.mayApprove()) {
            throw new IllegalStateException("the role " + role.code() + " cannot decide waivers");
        }
        if (approve) {
            List<String> refusals = WaiverRules.refusals(waiver, decidedBy, role, policy);
            if (!refusals.isEmpty()) {
                throw new IllegalStateException("waiver " + waiverId + " cannot be approved: " + String.join("; ", refusals));
            }
        } else if (waiver.requestedBy().equals(decidedBy)) {
            throw new IllegalStateException(decidedBy + " requested waiver " + waiverId + " and cannot also decide it");
        }
        Waiver decided = waiver.decided(new Waiver.Decision(approve, decidedBy, role, clock.instant(), note));
        casebook.put(decided);
        if (waiver.scope() == Waiver.Scope.NOT_WARNED) {
            if (approve) {
                move(waiver.obligationId(), ObligationState.WAIVED, decidedBy, "waiver " + waiverId + " approved");
            } else {
                move(waiver.obligationId(), ObligationState.WAIVER_REJECTED, decidedBy, "waiver " + waiverId + " rejected");
                move(waiver.obligationId(), ObligationState.OPEN, decidedBy, "back to open after rejected waiver " + waiverId);
            }
        }
        String summary = "waiver " + waiverId + (approve ? " approved" : " rejected") + " by " + decidedBy
                + " (" + role.code() + ")";
        publish(approve ? new DutyEvent.WaiverApproved(clock.instant(), decided, decidedBy, summary)
                : new DutyEvent.WaiverRejected(clock.instant(), decided, decidedBy, summary));
        return decided;
    }

    /**
     * Replays a waiver that was actually decided. History is recorded as it happened, so the waiver
     * rules do not stop it; what they would have refused is written on the timeline for the review.
     */
    public Waiver replayWaiver(String obligationId, WaiverTerms terms, String requestedBy, String approvedBy,
                               Role approverRole) {
        Waiver requested = requestWaiver(obligationId, terms.reason(), terms.scope(), requestedBy, Role.ANALYST,
                terms.alternative());
        List<String> refusals = WaiverRules.refusals(requested, approvedBy, approverRole, policy);
        Waiver decided = requested.decided(new Waiver.Decision(true, approvedBy, approverRole, clock.instant(),
                "as recorded"));
        casebook.put(decided);
        if (terms.scope() == Waiver.Scope.NOT_WARNED) {
            move(obligationId, ObligationState.WAIVED, approvedBy, "recorded waiver " + decided.id());
        }
        publish(new DutyEvent.WaiverApproved(clock.instant(), decided, approvedBy, "waiver " + decided.id()
                + " approved by " + approvedBy + " (" + approverRole.code() + ") as recorded"
                + (refusals.isEmpty() ? "" : "; policy v" + policy.version() + " would have refused it: "
                + String.join("; ", refusals))));
        return decided;
    }

    /** Records an incident for review. */
    public void recordIncident(Incident incident, String actor) {
        casebook.put(incident);
        publish(new DutyEvent.IncidentRecorded(incident.at(), incident, actor, "incident " + incident.id() + " at "
                + incident.place() + ": " + incident.method()));
    }

    /** Records that a policy version was put in force by {@code actor} (the policy book stores it). */
    public void policyAdopted(Policy adopted, String actor) {
        publish(new DutyEvent.PolicyAdopted(clock.instant(), adopted, actor, "policy v" + adopted.version()
                + " put in force, after v" + policy.version()));
    }

    /** Records something said or done that is not a warning (a countermeasure, a public statement). */
    public void note(String text, String actor) {
        publish(new DutyEvent.Note(clock.instant(), actor, text));
    }

    /** Moves an obligation and keeps the new version; refuses transitions the state graph does not allow. */
    Obligation move(String obligationId, ObligationState target, String actor, String note) {
        Obligation moved = obligation(obligationId).moveTo(target, clock.instant(), actor, policy.version(), note);
        casebook.put(moved);
        return moved;
    }

    /** Closes an obligation for {@code reason} and keeps the new version; refuses where the state graph does not allow it. */
    Obligation close(String obligationId, ClosingReason reason, String actor, String note) {
        Obligation closed = obligation(obligationId).close(reason, clock.instant(), actor, policy.version(), note);
        casebook.put(closed);
        return closed;
    }

    void publish(DutyEvent event) {
        events.publish(event);
    }

    Clock clock() {
        return clock;
    }

    /** An instant as people in the agency read it, in the clock's zone. */
    String local(Instant instant) {
        return Timestamps.local(instant, clock.getZone());
    }

    ReleaseCeiling ceiling(Audience audience) {
        return policy.ceiling(audience).orElseThrow(() -> new IllegalStateException("policy v" + policy.version()
                + " sets no release ceiling for audience " + audience));
    }

    ThreatReport report(String reportId) {
        return casebook.report(reportId).orElseThrow(() -> new IllegalArgumentException("no report " + reportId));
    }

    Obligation obligation(String obligationId) {
        return casebook.obligation(obligationId)
                .orElseThrow(() -> new IllegalArgumentException("no obligation " + obligationId));
    }

    private Party party(String partyId) {
        return casebook.party(partyId).orElseThrow(() -> new IllegalArgumentException("no party " + partyId));
    }

    private DraftRecord draftRecord(String draftId) {
        return casebook.draft(draftId).orElseThrow(() -> new IllegalArgumentException("no draft " + draftId));
    }

    /**
     * The obligations of a draft that can take the step to {@code target} now. One that has moved on
     * since the draft (a waiver was asked for, or another draft of the same audience was approved or
     * issued) is left out, so it neither blocks the others nor gets a second warning; when none is
     * left the step is refused before anything changes.
     */
    private List<String> awaiting(DraftRecord record, ObligationState target) {
        List<String> ready = record.obligationIds().stream()
                .filter(id -> obligation(id).allowedNext().contains(target))
                .toList();
        if (ready.isEmpty()) {
            throw new IllegalStateException("draft " + record.id() + " answers no obligation that can move to "
                    + target.code() + " (" + String.join(", ", record.obligationIds().stream()
                    .map(id -> id + " is " + obligation(id).state().code()).toList()) + ")");
        }
        return ready;
    }

    private static void requireStatus(DraftRecord record, DraftRecord.Status status) {
        if (record.status() != status) {
            throw new IllegalStateException("draft " + record.id() + " is " + record.status().name().toLowerCase()
                    + ", not " + status.name().toLowerCase());
        }
    }

    private static String draftSummary(DraftRecord record) {
        Draft draft = record.draft();
        String verdict = draft.leak().isBlocked() ? "; blocked by the leak check" : "";
        return "draft " + record.id() + " for " + draft.audience() + " at specificity "
                + String.format(java.util.Locale.ROOT, "%.2f", draft.specificity()) + " " + levels(draft.released())
                + verdict;
    }

    private void publishIssue(Warning warning, List<Obligation> moved, String actor) {
        String summary = "warning " + warning.id() + " to " + String.join(", ", warning.partyIds())
                + " valid until " + local(warning.validity().to()) + ", specificity "
                + String.format(java.util.Locale.ROOT, "%.2f", warning.specificity()) + " "
                + levels(warning.released()) + ": \"" + warning.text() + "\"";
        publish(warning.renews().isPresent() && !warning.recorded()
                ? new DutyEvent.WarningRenewed(warning.issuedAt(), warning, moved, actor, summary)
                : new DutyEvent.WarningIssued(warning.issuedAt(), warning, moved, actor, summary));
    }

    static String levels(Map<Facet, Level> released) {
        StringBuilder text = new StringBuilder("{");
        for (Facet facet : Facet.values()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(facet.key()).append(": ").append(released.get(facet).name());
        }
        return text.append('}').toString();
    }

    private static String scopeWords(Waiver.Scope scope) {
        return scope == Waiver.Scope.NOT_WARNED ? "not to warn" : "to warn less specifically";
    }
}
