package io.forewarn.obligation;

import io.forewarn.party.Party;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything the duty-to-warn workflow knows, in the order it learned it: parties, reports and their
 * triage, obligations, drafts, warnings, waivers, incidents and the event timeline. Nothing is ever
 * removed; a value is replaced only by its next version. Collections come back in the order the
 * values were first put.
 *
 * <p>{@link InMemoryCasebook} serves replays; the store keeps the same contents in a database.
 */
public interface Casebook {

    /** The next id with this prefix, e.g. W-1, W-2. */
    String nextId(String prefix);

    void putParty(Party party);

    Collection<Party> parties();

    Optional<Party> party(String id);

    /** Records a report with its triage; a report id is received once, and again is a conflict ({@link IllegalStateException}). */
    void putReport(ThreatReport report, Triage outcome);

    Collection<ThreatReport> reports();

    Optional<ThreatReport> report(String id);

    Optional<Triage> triage(String reportId);

    void put(Obligation obligation);

    Collection<Obligation> obligations();

    Optional<Obligation> obligation(String id);

    /** The obligations of one report, in the order they were opened. */
    List<Obligation> obligationsOf(String reportId);

    /**
     * The obligations the clock may move at {@code now}, in the order they were opened: those still awaiting
     * their warning ({@link ObligationState#AWAITING_WARNING}) whose deadline has come or whose report's threat
     * window has ended, and those with a warning out ({@link ObligationState#hasLiveWarning()}) whose latest
     * warning has ended. The deadline
     * sweep decides each one itself; this only spares it every other obligation.
     */
    List<Obligation> obligationsTheClockMayMove(Instant now);

    default Optional<Obligation> obligation(String reportId, String partyId) {
        return obligation(Obligations.idFor(reportId, partyId));
    }

    void put(DraftRecord draft);

    Collection<DraftRecord> drafts();

    Optional<DraftRecord> draft(String id);

    /** The drafts for one report, in the order they were made. */
    List<DraftRecord> draftsOf(String reportId);

    void put(Warning warning);

    Collection<Warning> warnings();

    Optional<Warning> warning(String id);

    /** Warnings for a report that address a party, in issue order. */
    List<Warning> warningsTo(String reportId, String partyId);

    /** Whether another warning renews this one. */
    boolean isRenewed(String warningId);

    /**
     * The warnings a renewal may be due for once it is {@code dueBy} (now plus the policy's renewal lead), in
     * issue order: those ending by then, before their report's threat window ends, that no warning renews yet
     * and whose renewal has not been called for ({@link EventType#RENEWAL_DUE}).
     */
    List<Warning> warningsAwaitingRenewal(Instant dueBy);

    void put(Waiver waiver);

    Collection<Waiver> waivers();

    Optional<Waiver> waiver(String id);

    List<Waiver> waiversFor(String obligationId);

    void put(Incident incident);

    Collection<Incident> incidents();

    /**
     * Writes an event on the timeline.
     *
     * @return its sequence number: the key the timeline keeps it under, greater than every earlier one
     *         (not necessarily by one: a database may skip numbers)
     */
    long append(TimelineEntry event);

    List<TimelineEntry> events();

    /** The events from position {@code index} on (0 is the first event ever recorded). */
    List<TimelineEntry> eventsFrom(int index);

    boolean hasEvent(String type, String subject);
}
