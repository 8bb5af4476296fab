package io.forewarn.web;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A casebook that remembers the events appended through it during one change, so that a refused
 * change, which is rolled back, can still leave on the timeline the refusal the workflow recorded;
 * and the obligation versions and drafts put through it, so that once the change has committed the
 * scheduler can log it and the metrics count it. Everything goes straight to the casebook it watches.
 * Used by one thread, for one change.
 */
final class WatchedCasebook implements Casebook {

    /** What one change wrote that the server reports on, in the order it wrote it. */
    record Changes(List<DutyEvent> events, List<Obligation> obligations, List<DraftRecord> drafts) {
        Changes {
            events = List.copyOf(events);
            obligations = List.copyOf(obligations);
            drafts = List.copyOf(drafts);
        }

        boolean isEmpty() {
            return events.isEmpty() && obligations.isEmpty() && drafts.isEmpty();
        }
    }

    private final Casebook casebook;
    private final List<DutyEvent> appended = new ArrayList<>();
    private final List<Obligation> obligations = new ArrayList<>();
    private final List<DraftRecord> drafts = new ArrayList<>();

    WatchedCasebook(Casebook casebook) {
        this.casebook = casebook;
    }

    /** The events appended through this casebook, in order. */
    List<DutyEvent> appended() {
        return List.copyOf(appended);
    }

    /** The events, obligation versions and drafts written through this casebook. */
    Changes changes() {
        return new Changes(appended, obligations, drafts);
    }

    @Override
    public void append(DutyEvent event) {
        casebook.append(event);
        appended.add(event);
    }

    @Override
    public String nextId(String prefix) {
        return casebook.nextId(prefix);
    }

    @Override
    public void putParty(Party party) {
        casebook.putParty(party);
    }

    @Override
    public Collection<Party> parties() {
        return casebook.parties();
    }

    @Override
    public Optional<Party> party(String id) {
        return casebook.party(id);
    }

    @Override
    public void putReport(ThreatReport report, Triage outcome) {
        casebook.putReport(report, outcome);
    }

    @Override
    public Collection<ThreatReport> reports() {
        return casebook.reports();
    }

    @Override
    public Optional<ThreatReport> report(String id) {
        return casebook.report(id);
    }

    @Override
    public Optional<Triage> triage(String reportId) {
        return casebook.triage(reportId);
    }

    @Override
    public void put(Obligation obligation) {
        casebook.put(obligation);
        obligations.add(obligation);
    }

    @Override
    public Collection<Obligation> obligations() {
        return casebook.obligations();
    }

    @Override
    public Optional<Obligation> obligation(String id) {
        return casebook.obligation(id);
    }

    @Override
    public void put(DraftRecord draft) {
        casebook.put(draft);
        drafts.add(draft);
    }

    @Override
    public Collection<DraftRecord> drafts() {
        return casebook.drafts();
    }

    @Override
    public Optional<DraftRecord> draft(String id) {
        return casebook.draft(id);
    }

    @Override
    public void put(Warning warning) {
        casebook.put(warning);
    }

    @Override
    public Collection<Warning> warnings() {
        return casebook.warnings();
    }

    @Override
    public Optional<Warning> warning(String id) {
        return casebook.warning(id);
    }

    @Override
    public List<Warning> warningsTo(String reportId, String partyId) {
        return casebook.warningsTo(reportId, partyId);
    }

    @Override
    public void put(Waiver waiver) {
        casebook.put(waiver);
    }

    @Override
    public Collection<Waiver> waivers() {
        return casebook.waivers();
    }

    @Override
    public Optional<Waiver> waiver(String id) {
        return casebook.waiver(id);
    }

    @Override
    public List<Waiver> waiversFor(String obligationId) {
        return casebook.waiversFor(obligationId);
    }

    @Override
    public void put(Incident incident) {
        casebook.put(incident);
    }

    @Override
    public Collection<Incident> incidents() {
        return casebook.incidents();
    }

    @Override
    public List<DutyEvent> events() {
        return casebook.events();
    }

    @Override
    public List<DutyEvent> eventsFrom(int index) {
        return casebook.eventsFrom(index);
    }

    @Override
    public boolean hasEvent(String type, String subject) {
        return casebook.hasEvent(type, subject);
    }
}
