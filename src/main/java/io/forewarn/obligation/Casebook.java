package io.forewarn.obligation;

import io.forewarn.party.Party;
import io.forewarn.place.Reach;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Triage;
import io.forewarn.report.Harm;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the duty-to-warn workflow knows, in the order it learned it: parties, reports and their
 * triage, obligations, drafts, warnings, waivers, incidents and the event timeline. Nothing is ever
 * removed; a value is replaced only by its next version. Collections come back in the order the
 * values were first put.
 *
 * <p>{@link InMemoryCasebook} serves replays; the store keeps the same contents in a database.
 *
 * <p>Two kinds of read. The <b>questions</b> (a page of a listing, the obligations of a report, those due,
 * the parties a place reaches, the warnings of some obligations) cost what they answer, whatever the
 * casebook holds: the server, the deadline sweep and the review ask only these. The <b>whole
 * collections</b> ({@link #parties()}, {@link #obligations()}, {@link #events()}, …) are for a replay's
 * account of everything it did and for tests, never for a request or a sweep.
 */
public interface Casebook {

    /** The next id with this prefix, e.g. W-1, W-2. */
    String nextId(String prefix);

    void putParty(Party party);

    /** Every party: for replays and tests only (see the class comment). */
    Collection<Party> parties();

    Optional<Party> party(String id);

    /** Which of these ids are parties on file: one question for many rows (an import). */
    java.util.Set<String> partiesOnFile(Collection<String> ids);

    /** Stores several parties (new ones and replacements), as {@link #putParty} one by one, in one go. */
    default void putParties(List<Party> parties) {
        parties.forEach(this::putParty);
    }

    /**
     * Stores parties none of which is on file (an import's new rows), as {@link #putParties} would, but without
     * looking for earlier versions to replace: the caller has asked {@link #partiesOnFile} already. One of them on
     * file is an error.
     */
    default void addParties(List<Party> parties) {
        putParties(parties);
    }

    /** A page of the parties, optionally of one audience, in the order they were first put. */
    List<Party> parties(Optional<Audience> audience, Slice slice);

    /** The parties with these ids that are on file, in the order they were first put. */
    List<Party> parties(Collection<String> ids);

    /**
     * The parties {@code reach} reaches (a box of theirs meets one of its boxes, or a name of their place
     * path is one of its names), in the order they were first put: the candidates of a report's place, a
     * superset of the parties it affects, read through an index rather than by reading every party.
     */
    List<Party> partiesReached(Reach reach);

    /**
     * The parties on file whose names or identifiers are filed under one of these keys ({@link
     * io.forewarn.party.NamedTarget#keys}), in the order they were first put: the candidates of a report's named
     * target ({@link io.forewarn.party.NamedTarget#lookups}), read through an index of names rather than by reading
     * every party.
     */
    List<Party> partiesNamed(Collection<String> keys);

    /**
     * Takes a party off file at {@code at}: no listing or {@link #partiesReached} finds it any more, while
     * {@link #party} and {@link #parties(Collection)} still do (its obligations, warnings and reviews name it),
     * and {@link #partiesOnFile} still counts its id as taken.
     */
    void removeParty(String id, Instant at);

    /** Which of these parties were taken off file ({@link #removeParty}): one question for many (an import). */
    java.util.Set<String> partiesRemoved(Collection<String> ids);

    /** Whether the party was taken off file ({@link #removeParty}). */
    default boolean partyRemoved(String id) {
        return partiesRemoved(List.of(id)).contains(id);
    }

    /**
     * For each of these parties, the reports that may affect it at {@code now}: received with a duty to warn, their
     * threat window not ended, and their place reaching the party ({@link Reach#reaches} of the report's place and
     * the party's footprint), by party id (a party with none is absent). Asked of an index of the open reports'
     * places, never by reading every report: a candidate list that the exact check then narrows.
     */
    Map<String, java.util.Set<String>> reportsReaching(Collection<Party> parties, Instant now);

    /**
     * For each of these parties, the reports that may name it at {@code now}: received with a duty to warn, their
     * threat window not ended, and their named target's lookups meeting the party's name keys ({@link
     * io.forewarn.party.NamedTarget}), by party id (a party with none is absent). Asked of an index of the open
     * reports' named targets: a candidate list that the exact check then narrows.
     */
    Map<String, java.util.Set<String>> reportsNaming(Collection<Party> parties, Instant now);

    /** Records a report with its triage; a report id is received once, and again is a conflict ({@link IllegalStateException}). */
    void putReport(ThreatReport report, Triage outcome);

    /** Every report: for replays and tests only (see the class comment). */
    Collection<ThreatReport> reports();

    Optional<ThreatReport> report(String id);

    /** A page of the reports with their triage, optionally of one harm, in the order they were received. */
    List<ReceivedReport> reports(Optional<Harm> harm, Slice slice);

    /**
     * The reports that foretold an instant: received before it, with a threat window holding it (ends
     * included), in the order they were received. What an after-action review correlates an incident with.
     */
    List<ThreatReport> reportsForetelling(Instant at);

    Optional<Triage> triage(String reportId);

    /** Replaces a received report by its revision (same id, receipt and triage; another place or window). */
    void reviseReport(ThreatReport revised);

    void put(Obligation obligation);

    /**
     * Stores obligations just opened, none of them on file yet, in this order: as {@link #put(Obligation)}
     * one by one, in one go.
     */
    default void open(List<Obligation> obligations) {
        obligations.forEach(this::put);
    }

    /** Every obligation: for replays and tests only (see the class comment). */
    Collection<Obligation> obligations();

    Optional<Obligation> obligation(String id);

    /** The obligations of one report, in the order they were opened. */
    List<Obligation> obligationsOf(String reportId);

    /** The obligations of these parties, in the order they were opened (of each thousand parties asked, in a database). */
    List<Obligation> obligationsOfParties(Collection<String> partyIds);

    /** A page of the obligations a query asks for, in its order. */
    List<Obligation> obligations(ObligationQuery query, Slice slice);

    /**
     * The obligations the clock may move at {@code now}, in the order they were opened: those still awaiting
     * their warning ({@link ObligationState#AWAITING_WARNING}) whose deadline has come or whose report's threat
     * window has ended, and those with a warning out ({@link Obligation#hasLiveWarning()}) whose latest
     * warning has ended. The deadline
     * sweep decides each one itself; this only spares it every other obligation.
     */
    List<Obligation> obligationsTheClockMayMove(Instant now);

    /** A page of {@link #obligationsTheClockMayMove(Instant)}, so that a sweep holds a bounded number at once. */
    List<Obligation> obligationsTheClockMayMove(Instant now, Slice slice);

    default Optional<Obligation> obligation(String reportId, String partyId) {
        return obligation(Obligations.idFor(reportId, partyId));
    }

    void put(DraftRecord draft);

    /** Every draft: for replays and tests only (see the class comment). */
    Collection<DraftRecord> drafts();

    /** A page of the drafts, optionally of one report and in one status, in the order they were made. */
    List<DraftRecord> drafts(Optional<String> reportId, Optional<DraftRecord.Status> status, Slice slice);

    Optional<DraftRecord> draft(String id);

    /** The drafts for one report, in the order they were made. */
    List<DraftRecord> draftsOf(String reportId);

    void put(Warning warning);

    /** Every warning: for replays and tests only (see the class comment). */
    Collection<Warning> warnings();

    /** A page of the warnings, optionally of one report and addressing one party, in issue order. */
    List<Warning> warnings(Optional<String> reportId, Optional<String> partyId, Slice slice);

    /**
     * The warnings of each obligation's report that address its party, in issue order, by obligation id (an
     * obligation with none is absent): {@link #warningsTo} for many obligations in one question.
     */
    Map<String, List<Warning>> warningsTo(Collection<Obligation> obligations);

    Optional<Warning> warning(String id);

    /**
     * The warnings in force at an instant (issued by then, their validity not yet ended), the latest issued first, at
     * most {@code limit}: what a public feed lists. Read by the index of the warnings' ends.
     */
    List<Warning> warningsInForce(Instant at, int limit);

    /** Warnings for a report that address a party, in issue order. */
    List<Warning> warningsTo(String reportId, String partyId);

    /** Whether another warning renews this one. */
    boolean isRenewed(String warningId);

    /**
     * The warnings a renewal may be due for once it is {@code dueBy} (now plus the policy's renewal lead), in
     * issue order: those ending by then, before their report's threat window ends, not cancelled, that no warning
     * renews yet and whose renewal has not been called for ({@link EventType#RENEWAL_DUE}).
     */
    List<Warning> warningsAwaitingRenewal(Instant dueBy);

    void put(Waiver waiver);

    /** Every waiver: for replays and tests only (see the class comment). */
    Collection<Waiver> waivers();

    /** A page of the waivers, optionally of one obligation, in the order they were requested. */
    List<Waiver> waivers(Optional<String> obligationId, Slice slice);

    /** The waivers of each obligation, in the order they were requested, by obligation id (none: absent). */
    Map<String, List<Waiver>> waiversFor(Collection<String> obligationIds);

    Optional<Waiver> waiver(String id);

    List<Waiver> waiversFor(String obligationId);

    void put(NearMatch match);

    Optional<NearMatch> nearMatch(String id);

    /** A page of the near matches, optionally of one report and in one status, in the order they were offered. */
    List<NearMatch> nearMatches(Optional<String> reportId, Optional<NearMatch.Status> status, Slice slice);

    /** The near matches offered for one report, in the order they were offered. */
    List<NearMatch> nearMatchesOf(String reportId);

    void put(Incident incident);

    /** Every incident: for replays and tests only (see the class comment). */
    Collection<Incident> incidents();

    Optional<Incident> incident(String id);

    /** A page of the incidents, in the order they were recorded. */
    List<Incident> incidents(Slice slice);

    /**
     * Writes an event on the timeline.
     *
     * @return its sequence number: the key the timeline keeps it under, greater than every earlier one
     *         (not necessarily by one: a database may skip numbers)
     */
    long append(TimelineEntry event);

    /**
     * Writes several events on the timeline, in this order, as {@link #append} one by one would.
     *
     * @return their sequence numbers, in the same order
     */
    default List<Long> appendAll(List<TimelineEntry> events) {
        return events.stream().map(this::append).toList();
    }

    /** The whole timeline: for replays and tests only (see the class comment). */
    List<TimelineEntry> events();

    /** At most {@code size} events, those with a sequence number above {@code seq} (-1: from the first), in order. */
    List<NumberedEntry> eventsAfter(long seq, int size);

    boolean hasEvent(String type, String subject);
}
