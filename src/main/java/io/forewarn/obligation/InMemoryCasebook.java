package io.forewarn.obligation;

import io.forewarn.party.Party;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The casebook in memory: for replays and tests. Not thread-safe; a replay runs on one thread. */
public final class InMemoryCasebook implements Casebook {

    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, ThreatReport> reports = new LinkedHashMap<>();
    private final Map<String, Triage> triage = new LinkedHashMap<>();
    private final Map<String, Obligation> obligations = new LinkedHashMap<>();
    private final Map<String, DraftRecord> drafts = new LinkedHashMap<>();
    private final Map<String, Warning> warnings = new LinkedHashMap<>();
    private final Map<String, Waiver> waivers = new LinkedHashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final List<TimelineEntry> events = new ArrayList<>();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();

    @Override
    public String nextId(String prefix) {
        int next = sequences.merge(prefix, 1, Integer::sum);
        return prefix + "-" + next;
    }

    @Override
    public void putParty(Party party) {
        parties.put(party.id(), party);
    }

    @Override
    public void putReport(ThreatReport report, Triage outcome) {
        if (reports.containsKey(report.id())) {
            throw new IllegalStateException("report " + report.id() + " was already received");
        }
        reports.put(report.id(), report);
        triage.put(report.id(), outcome);
    }

    @Override
    public void put(Obligation obligation) {
        obligations.put(obligation.id(), obligation);
    }

    @Override
    public void put(DraftRecord draft) {
        drafts.put(draft.id(), draft);
    }

    @Override
    public void put(Warning warning) {
        warnings.put(warning.id(), warning);
    }

    @Override
    public void put(Waiver waiver) {
        waivers.put(waiver.id(), waiver);
    }

    @Override
    public void put(Incident incident) {
        incidents.put(incident.id(), incident);
    }

    @Override
    public long append(TimelineEntry event) {
        events.add(event);
        return events.size() - 1;
    }

    public Collection<Party> parties() {
        return Collections.unmodifiableCollection(parties.values());
    }

    public Optional<Party> party(String id) {
        return Optional.ofNullable(parties.get(id));
    }

    public Collection<ThreatReport> reports() {
        return Collections.unmodifiableCollection(reports.values());
    }

    public Optional<ThreatReport> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    public Optional<Triage> triage(String reportId) {
        return Optional.ofNullable(triage.get(reportId));
    }

    public Collection<Obligation> obligations() {
        return Collections.unmodifiableCollection(obligations.values());
    }

    public Optional<Obligation> obligation(String id) {
        return Optional.ofNullable(obligations.get(id));
    }

    public Optional<Obligation> obligation(String reportId, String partyId) {
        return obligation(Obligations.idFor(reportId, partyId));
    }

    @Override
    public List<Obligation> obligationsOf(String reportId) {
        return obligations.values().stream().filter(o -> o.reportId().equals(reportId)).toList();
    }

    @Override
    public List<Obligation> obligationsTheClockMayMove(Instant now) {
        return obligations.values().stream()
                .filter(o -> ObligationState.AWAITING_WARNING.contains(o.state())
                        && (!o.deadline().isAfter(now) || threatWindowEnded(o, now))
                        || o.state().hasLiveWarning() && latestWarningEnded(o, now))
                .toList();
    }

    private boolean threatWindowEnded(Obligation obligation, Instant now) {
        return report(obligation.reportId()).filter(report -> !report.window().to().isAfter(now)).isPresent();
    }

    private boolean latestWarningEnded(Obligation obligation, Instant now) {
        List<Warning> to = warningsTo(obligation.reportId(), obligation.partyId());
        return !to.isEmpty() && !to.get(to.size() - 1).validity().to().isAfter(now);
    }

    @Override
    public List<DraftRecord> draftsOf(String reportId) {
        return drafts.values().stream().filter(d -> d.draft().reportId().equals(reportId)).toList();
    }

    public Collection<DraftRecord> drafts() {
        return Collections.unmodifiableCollection(drafts.values());
    }

    public Optional<DraftRecord> draft(String id) {
        return Optional.ofNullable(drafts.get(id));
    }

    public Collection<Warning> warnings() {
        return Collections.unmodifiableCollection(warnings.values());
    }

    public Optional<Warning> warning(String id) {
        return Optional.ofNullable(warnings.get(id));
    }

    /** Warnings for a report that address a party, in issue order. */
    public List<Warning> warningsTo(String reportId, String partyId) {
        return warnings.values().stream()
                .filter(w -> w.reportId().equals(reportId) && w.addresses(partyId))
                .toList();
    }

    @Override
    public boolean isRenewed(String warningId) {
        return warnings.values().stream().anyMatch(w -> w.renews().filter(warningId::equals).isPresent());
    }

    @Override
    public List<Warning> warningsAwaitingRenewal(Instant dueBy) {
        return warnings.values().stream()
                .filter(w -> !w.validity().to().isAfter(dueBy))
                .filter(w -> w.validity().to().isBefore(reports.get(w.reportId()).window().to()))
                .filter(w -> !isRenewed(w.id()) && !hasEvent(EventType.RENEWAL_DUE.code(), w.id()))
                .toList();
    }

    public Collection<Waiver> waivers() {
        return Collections.unmodifiableCollection(waivers.values());
    }

    public Optional<Waiver> waiver(String id) {
        return Optional.ofNullable(waivers.get(id));
    }

    public List<Waiver> waiversFor(String obligationId) {
        return waivers.values().stream().filter(w -> w.obligationId().equals(obligationId)).toList();
    }

    public Collection<Incident> incidents() {
        return Collections.unmodifiableCollection(incidents.values());
    }

    public List<TimelineEntry> events() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public List<TimelineEntry> eventsFrom(int index) {
        return List.copyOf(events.subList(Math.min(index, events.size()), events.size()));
    }

    @Override
    public boolean hasEvent(String type, String subject) {
        return events.stream().anyMatch(e -> e.type().equals(type) && e.subject().equals(subject));
    }
}
