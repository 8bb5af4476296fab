package io.forewarn.obligation;

import io.forewarn.party.NamedTarget;
import io.forewarn.party.Party;
import io.forewarn.place.Footprint;
import io.forewarn.place.Reach;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Triage;
import io.forewarn.report.Harm;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The casebook in memory: for replays and tests. Not thread-safe; a replay runs on one thread. It answers
 * every question by walking its maps, which at a replay's size costs nothing; the answers are those the
 * database gives ({@code store.CasebookContract} holds both to them).
 */
public final class InMemoryCasebook implements Casebook {

    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, ThreatReport> reports = new LinkedHashMap<>();
    private final Map<String, Triage> triage = new LinkedHashMap<>();
    private final Map<String, Obligation> obligations = new LinkedHashMap<>();
    private final Map<String, DraftRecord> drafts = new LinkedHashMap<>();
    private final Map<String, Warning> warnings = new LinkedHashMap<>();
    private final Map<String, Waiver> waivers = new LinkedHashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, NearMatch> nearMatches = new LinkedHashMap<>();
    private final List<TimelineEntry> events = new ArrayList<>();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();
    private final Map<String, Footprint> footprints = new LinkedHashMap<>();
    private final Map<String, Set<String>> nameKeys = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final io.forewarn.place.Gazetteer gazetteer;

    /** A casebook whose parties and reports reach one another by geometry and names only. */
    public InMemoryCasebook() {
        this(io.forewarn.place.Gazetteer.NONE);
    }

    /** A casebook whose parties and reports also reach one another where {@code gazetteer} puts them. */
    public InMemoryCasebook(io.forewarn.place.Gazetteer gazetteer) {
        this.gazetteer = java.util.Objects.requireNonNull(gazetteer, "gazetteer");
    }

    @Override
    public String nextId(String prefix) {
        int next = sequences.merge(prefix, 1, Integer::sum);
        return prefix + "-" + next;
    }

    @Override
    public void putParty(Party party) {
        parties.put(party.id(), party);
        footprints.put(party.id(), Footprint.of(party.place(), gazetteer));
        nameKeys.put(party.id(), NamedTarget.keys(party.knownAs()));
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
    public void put(NearMatch match) {
        nearMatches.put(match.id(), match);
    }

    @Override
    public Optional<NearMatch> nearMatch(String id) {
        return Optional.ofNullable(nearMatches.get(id));
    }

    @Override
    public List<NearMatch> nearMatches(Optional<String> reportId, Optional<NearMatch.Status> status, Slice slice) {
        return page(nearMatches.values(), NearMatch::id, m -> reportId.map(m.reportId()::equals).orElse(true)
                && status.map(m.status()::equals).orElse(true), slice, "near-match");
    }

    @Override
    public List<NearMatch> nearMatchesOf(String reportId) {
        return nearMatches.values().stream().filter(m -> m.reportId().equals(reportId)).toList();
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
                        || o.hasLiveWarning() && latestWarningEnded(o, now))
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

    @Override
    public List<Warning> warningsInForce(Instant at, int limit) {
        return warnings.values().stream()
                .filter(warning -> !warning.issuedAt().isAfter(at) && warning.validity().to().isAfter(at))
                .sorted(java.util.Comparator.comparing(Warning::issuedAt).reversed())
                .limit(limit)
                .toList();
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
                .filter(w -> !w.validity().to().isAfter(dueBy) && w.cancellation().isEmpty())
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
    public boolean hasEvent(String type, String subject) {
        return events.stream().anyMatch(e -> e.type().equals(type) && e.subject().equals(subject));
    }

    // --- questions

    @Override
    public List<Party> parties(Optional<Audience> audience, Slice slice) {
        return page(parties.values(), Party::id, p -> !removed.contains(p.id())
                && audience.map(p.audience()::equals).orElse(true), slice, "party");
    }

    @Override
    public void removeParty(String id, Instant at) {
        if (parties.containsKey(id)) {
            removed.add(id);
        }
    }

    @Override
    public Set<String> partiesRemoved(Collection<String> ids) {
        Set<String> found = new HashSet<>(ids);
        found.retainAll(removed);
        return found;
    }

    @Override
    public Map<String, Set<String>> reportsReaching(Collection<Party> parties, Instant now) {
        Map<String, Set<String>> reaching = new LinkedHashMap<>();
        for (ThreatReport report : reports.values()) {
            if (!triage.get(report.id()).obligesWarning() || !now.isBefore(report.window().to())) {
                continue;
            }
            Reach reach = Reach.of(report.place(), gazetteer);
            for (Party party : parties) {
                if (reach.reaches(Footprint.of(party.place(), gazetteer))) {
                    reaching.computeIfAbsent(party.id(), k -> new java.util.LinkedHashSet<>()).add(report.id());
                }
            }
        }
        return reaching;
    }

    @Override
    public Map<String, Set<String>> reportsNaming(Collection<Party> parties, Instant now) {
        Map<String, Set<String>> naming = new LinkedHashMap<>();
        for (ThreatReport report : reports.values()) {
            if (!triage.get(report.id()).obligesWarning() || !now.isBefore(report.window().to())) {
                continue;
            }
            Set<String> lookups = NamedTarget.of(report).map(NamedTarget::lookups).orElse(Set.of());
            for (Party party : parties) {
                if (NamedTarget.keys(party.knownAs()).stream().anyMatch(lookups::contains)) {
                    naming.computeIfAbsent(party.id(), k -> new java.util.LinkedHashSet<>()).add(report.id());
                }
            }
        }
        return naming;
    }

    @Override
    public List<Party> partiesNamed(Collection<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        return parties.values().stream().filter(p -> !removed.contains(p.id())
                && nameKeys.get(p.id()).stream().anyMatch(wanted::contains)).toList();
    }

    @Override
    public void reviseReport(ThreatReport revised) {
        if (!reports.containsKey(revised.id())) {
            throw new IllegalArgumentException("no report " + revised.id());
        }
        reports.put(revised.id(), revised);
    }

    @Override
    public List<Obligation> obligationsOfParties(Collection<String> partyIds) {
        Set<String> wanted = new HashSet<>(partyIds);
        return obligations.values().stream().filter(o -> wanted.contains(o.partyId())).toList();
    }

    @Override
    public Set<String> partiesOnFile(Collection<String> ids) {
        Set<String> found = new HashSet<>(ids);
        found.retainAll(parties.keySet());
        return found;
    }

    @Override
    public List<Party> parties(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        return parties.values().stream().filter(p -> wanted.contains(p.id())).toList();
    }

    @Override
    public List<Party> partiesReached(Reach reach) {
        return parties.values().stream().filter(p -> !removed.contains(p.id()) && reach.reaches(footprints.get(p.id())))
                .toList();
    }

    @Override
    public List<ReceivedReport> reports(Optional<Harm> harm, Slice slice) {
        return page(reports.values(), ThreatReport::id, r -> harm.map(h -> r.harm() == h).orElse(true), slice, "report")
                .stream().map(r -> new ReceivedReport(r, triage.get(r.id()))).toList();
    }

    @Override
    public List<ThreatReport> reportsForetelling(Instant at) {
        return reports.values().stream()
                .filter(r -> r.receivedAt().isBefore(at) && r.window().contains(at))
                .toList();
    }

    @Override
    public List<Obligation> obligations(ObligationQuery query, Slice slice) {
        Collection<Obligation> ordered = obligations.values();
        if (query.byDeadline()) {
            List<Obligation> byDeadline = new ArrayList<>(ordered);
            byDeadline.sort(Comparator.comparing(Obligation::deadline)); // stable: opening order among equals
            ordered = byDeadline;
        }
        return page(ordered, Obligation::id, query::matches, slice, "obligation");
    }

    @Override
    public List<Obligation> obligationsTheClockMayMove(Instant now, Slice slice) {
        Set<String> due = new HashSet<>(obligationsTheClockMayMove(now).stream().map(Obligation::id).toList());
        return page(obligations.values(), Obligation::id, o -> due.contains(o.id()), slice, "obligation");
    }

    @Override
    public List<DraftRecord> drafts(Optional<String> reportId, Optional<DraftRecord.Status> status, Slice slice) {
        return page(drafts.values(), DraftRecord::id, d -> reportId.map(d.draft().reportId()::equals).orElse(true)
                && status.map(s -> d.status() == s).orElse(true), slice, "draft");
    }

    @Override
    public List<Warning> warnings(Optional<String> reportId, Optional<String> partyId, Slice slice) {
        return page(warnings.values(), Warning::id, w -> reportId.map(w.reportId()::equals).orElse(true)
                && partyId.map(w::addresses).orElse(true), slice, "warning");
    }

    @Override
    public Map<String, List<Warning>> warningsTo(Collection<Obligation> of) {
        Map<String, List<Warning>> found = new LinkedHashMap<>();
        for (Obligation obligation : of) {
            List<Warning> to = warningsTo(obligation.reportId(), obligation.partyId());
            if (!to.isEmpty()) {
                found.put(obligation.id(), to);
            }
        }
        return found;
    }

    @Override
    public List<Waiver> waivers(Optional<String> obligationId, Slice slice) {
        return page(waivers.values(), Waiver::id, w -> obligationId.map(w.obligationId()::equals).orElse(true), slice,
                "waiver");
    }

    @Override
    public Map<String, List<Waiver>> waiversFor(Collection<String> obligationIds) {
        Map<String, List<Waiver>> found = new LinkedHashMap<>();
        for (String id : new java.util.LinkedHashSet<>(obligationIds)) {
            List<Waiver> of = waiversFor(id);
            if (!of.isEmpty()) {
                found.put(id, of);
            }
        }
        return found;
    }

    @Override
    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public List<Incident> incidents(Slice slice) {
        return page(incidents.values(), Incident::id, i -> true, slice, "incident");
    }

    @Override
    public List<NumberedEntry> eventsAfter(long seq, int size) {
        List<NumberedEntry> found = new ArrayList<>();
        for (long i = Math.max(0, seq + 1); i < events.size() && found.size() < size; i++) {
            found.add(new NumberedEntry(i, events.get((int) i)));
        }
        return found;
    }

    /**
     * The values after the one named by the slice, in {@code ordered}'s order, that {@code wanted} accepts, at
     * most the slice's size; a slice naming a value not held is refused, as the database refuses it.
     */
    private static <T> List<T> page(Collection<T> ordered, Function<T, String> id, Predicate<T> wanted, Slice slice,
                                    String what) {
        List<T> found = new ArrayList<>();
        boolean started = slice.after().isEmpty();
        for (T value : ordered) {
            if (!started) {
                started = id.apply(value).equals(slice.after().get());
                continue;
            }
            if (wanted.test(value)) {
                found.add(value);
                if (found.size() == slice.size()) {
                    break;
                }
            }
        }
        if (!started) {
            throw slice.unknown(what);
        }
        return found;
    }
}
