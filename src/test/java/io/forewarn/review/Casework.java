package io.forewarn.review;

import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.Crocus;
import io.forewarn.incident.Incident;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.InMemoryCasebook;
import io.forewarn.obligation.DeadlineSweep;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligations;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.WaiverTerms;
import io.forewarn.obligation.Warning;
import io.forewarn.place.Place;
import io.forewarn.place.Places;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.scenario.ReplayClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.Crocus.moscow;
import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.MOSCOW;
import static io.forewarn.party.Parties.authority;
import static io.forewarn.party.Parties.registrants;
import static io.forewarn.place.Places.place;

/**
 * Test fixture: the Crocus case's report R-1 ({@link Crocus#R1_UNMARKED}, "in Moscow", loosely, 7 to 31 March 2024) received by
 * the real workflow under the default policy and a replay clock, with three affected parties:
 * two groups of citizens (one audience) and the Russian authorities. The report is received on
 * 7 March at 08:00 Moscow time; the threat window has begun, so the deadline is 12:00 that day.
 * Steps are written in Moscow local time; the clock only moves forward, and the deadline sweep
 * takes every decision due on the way, as in a replay.
 */
final class Casework {

    static final String CITIZENS_MOSCOW = "citizens-moscow";
    static final String CITIZENS_RU = "citizens-ru";
    static final String RU_AUTHORITIES = "ru-authorities";
    static final Audience OWN_CITIZENS = new Audience("own-citizens");
    static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");

    static final String ANALYST = "analyst-a";
    static final String APPROVER = "approver-b";
    static final String DIRECTOR = "director-d";
    static final String LIAISON = "liaison-l";

    final ReplayClock clock = new ReplayClock(R1_UNMARKED.receivedAt(), MOSCOW);
    final Casebook casebook = new InMemoryCasebook();
    final DutyToWarn duty;
    final DeadlineSweep sweep;

    Casework() {
        this(Crocus.POLICY);
    }

    Casework(Policy policy) {
        duty = new DutyToWarn(casebook, policy, new Sanitizer(MOSCOW), clock);
        sweep = new DeadlineSweep(duty);
        Place russia = place().country("RU").build();
        casebook.putParty(registrants(CITIZENS_MOSCOW, place().locality("Moscow").build()));
        casebook.putParty(registrants(CITIZENS_RU, russia));
        casebook.putParty(authority(RU_AUTHORITIES, russia));
        duty.receive(R1_UNMARKED, ANALYST);
    }

    /** The text of the default policy, to write variants of it. */
    static String policyText() {
        return PolicyFile.defaultSource();
    }

    static String obligation(String partyId) {
        return Obligations.idFor(R1_UNMARKED.id(), partyId);
    }

    /** Moves the clock to a Moscow local time, running the deadline sweep at every instant due on the way. */
    Casework at(String localDateTime) {
        Instant target = moscow(localDateTime);
        sweep.sweep();
        Optional<Instant> due = sweep.nextDueAfter(clock.instant()).filter(at -> !at.isAfter(target));
        while (due.isPresent()) {
            clock.advanceTo(due.get());
            sweep.sweep();
            due = sweep.nextDueAfter(clock.instant()).filter(at -> !at.isAfter(target));
        }
        clock.advanceTo(target);
        sweep.sweep();
        return this;
    }

    /** Drafts, approves and issues the audience's warning now, at its ceiling. */
    Warning warn(Audience audience) {
        return warn(audience, Map.of(), Map.of());
    }

    /** Drafts, approves and issues the audience's warning now, with some facets lowered and justified. */
    Warning warn(Audience audience, Map<Facet, Level> lowered, Map<Facet, Justification> justifications) {
        DraftRecord draft = duty.draft(R1_UNMARKED.id(), audience, lowered, justifications, ANALYST);
        duty.approve(draft.id(), APPROVER, Role.APPROVER);
        return duty.issue(draft.id(), APPROVER);
    }

    /** Drafts, approves and issues the renewal of a warning now. */
    Warning renew(Warning warning) {
        DraftRecord draft = duty.draftRenewal(warning.id(), ANALYST);
        duty.approve(draft.id(), APPROVER, Role.APPROVER);
        return duty.issue(draft.id(), APPROVER);
    }

    /** Replays a warning actually given now to one party, valid for seven days, with its own levels. */
    Warning recordedWarning(String partyId, Map<Facet, Level> released, Map<Facet, Justification> justifications) {
        Instant now = clock.instant();
        return duty.issueRecorded(R1_UNMARKED.id(), List.of(partyId), new TimeWindow(now, now.plus(Duration.ofDays(7))),
                released, Optional.empty(), Optional.empty(), justifications, "recorded");
    }

    /** Liaison records now that the party's current warning reached it. */
    Casework delivered(String partyId) {
        duty.deliver(obligation(partyId), LIAISON, "liaison");
        return this;
    }

    /** Liaison records now that the party acknowledged its warning. */
    Casework acknowledged(String partyId) {
        duty.acknowledge(obligation(partyId), LIAISON);
        return this;
    }

    /** Requests a waiver for a party now, as the analyst, and has it decided by the director. */
    Waiver waiver(String partyId, WaiverReason reason, Waiver.Scope scope, Optional<String> alternative, boolean approve) {
        Waiver requested = duty.requestWaiver(obligation(partyId), reason, scope, ANALYST, Role.ANALYST, alternative);
        return duty.decideWaiver(requested.id(), approve, DIRECTOR, Role.DIRECTOR, "decided");
    }

    /** Replays a waiver decided as recorded now, whether or not the policy would have allowed its approval. */
    Waiver recordedWaiver(String partyId, WaiverReason reason, Waiver.Scope scope, Optional<String> alternative,
                          String requestedBy, String approvedBy, Role approverRole) {
        return duty.replayWaiver(obligation(partyId), new WaiverTerms(reason, scope, alternative), requestedBy,
                approvedBy, approverRole);
    }

    /** Reviews an incident now, from everything in the casebook. */
    Review review(Incident incident) {
        return new AfterActionReview(casebook, duty.policy(), MOSCOW, GazetteerExtract.gazetteer()).review(incident);
    }

    /** The attack on Crocus City Hall, Krasnogorsk, at a Moscow local time. */
    static Incident crocusAttack(String localDateTime) {
        return incident(localDateTime, Places.CROCUS_CITY_HALL, "concert hall");
    }

    static Incident incident(String localDateTime, Place place, String target) {
        return new Incident("I-1", moscow(localDateTime), place, "firearms and arson", Optional.of(target),
                Incident.Casualties.UNKNOWN, Optional.empty());
    }

    static List<FindingCode> codes(Review review, String partyId) {
        return review.findingsFor(R1_UNMARKED.id(), partyId).stream().map(Finding::code).toList();
    }
}
