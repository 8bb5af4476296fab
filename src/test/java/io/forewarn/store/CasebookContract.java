package io.forewarn.store;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.ClosingReason;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.NumberedEntry;
import io.forewarn.obligation.ObligationQuery;
import io.forewarn.obligation.ReceivedReport;
import io.forewarn.obligation.Slice;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Reach;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.report.TimeWindow;
import io.forewarn.party.Relationship;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.forewarn.Crocus.AUTHORITIES;
import static io.forewarn.Crocus.CITIZENS;
import static io.forewarn.store.Fixtures.PLAZA;
import static io.forewarn.Crocus.PUBLIC;
import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.Crocus.VENUE;
import static io.forewarn.store.Fixtures.event;
import static io.forewarn.store.Fixtures.moved;
import static io.forewarn.store.Fixtures.obligation;
import static io.forewarn.store.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Casebook} does, run against each implementation: values come back equal, in the
 * order they were first put; a put replaces, never duplicates; the queries find what they should.
 */
abstract class CasebookContract {

    protected Casebook casebook;

    /** A new, empty casebook for one test. */
    protected abstract Casebook open();

    /** Releases what {@link #open()} took. */
    protected void close() {
    }

    @BeforeEach
    void openCasebook() {
        casebook = open();
    }

    @AfterEach
    void closeCasebook() {
        close();
    }

    @Test
    void anEmptyCasebookHasNothing() {
        assertThat(casebook.parties()).isEmpty();
        assertThat(casebook.reports()).isEmpty();
        assertThat(casebook.obligations()).isEmpty();
        assertThat(casebook.drafts()).isEmpty();
        assertThat(casebook.warnings()).isEmpty();
        assertThat(casebook.waivers()).isEmpty();
        assertThat(casebook.incidents()).isEmpty();
        assertThat(casebook.events()).isEmpty();
        assertThat(casebook.party("us-citizens-ru")).isEmpty();
        assertThat(casebook.report("R-1")).isEmpty();
        assertThat(casebook.triage("R-1")).isEmpty();
        assertThat(casebook.obligation("R-1", "us-citizens-ru")).isEmpty();
        assertThat(casebook.draft("D-1")).isEmpty();
        assertThat(casebook.warning("W-1")).isEmpty();
        assertThat(casebook.waiver("X-1")).isEmpty();
        assertThat(casebook.warningsTo("R-1", "us-citizens-ru")).isEmpty();
        assertThat(casebook.waiversFor("R-1/us-citizens-ru")).isEmpty();
        assertThat(casebook.eventsAfter(-1, 10)).isEmpty();
        assertThat(casebook.hasEvent("report-received", "R-1")).isFalse();
    }

    @Test
    void partiesComeBackInFirstPutOrderAndAreReplacedInPlace() {
        List.of(CITIZENS, PUBLIC, AUTHORITIES, VENUE, PLAZA).forEach(casebook::putParty);
        Party friendlier = new Party.Authority(AUTHORITIES.id(), AUTHORITIES.audience(), Relationship.NEUTRAL,
                AUTHORITIES.place(), "liaison", false);

        casebook.putParty(friendlier);

        assertThat(casebook.parties()).containsExactly(CITIZENS, PUBLIC, friendlier, VENUE, PLAZA);
        assertThat(casebook.party("ru-authorities")).contains(friendlier);
        assertThat(casebook.party("plaza")).contains(PLAZA);
        assertThat(casebook.party("nobody")).isEmpty();
    }

    @Test
    void aReportIsKeptWithItsTriage() {
        ThreatReport r2 = Fixtures.report("R-2");
        Triage noDuty = new Triage(Triage.Outcome.NO_DUTY, "harm other is not covered by policy v3", 3);

        casebook.putReport(R1, Fixtures.triage(R1));
        casebook.putReport(r2, noDuty);

        assertThat(casebook.reports()).containsExactly(R1, r2);
        assertThat(casebook.report("R-1")).contains(R1);
        assertThat(casebook.report("R-1").orElseThrow().protectedMaterial()).isEqualTo(R1.protectedMaterial());
        assertThat(casebook.triage("R-1")).contains(Fixtures.triage(R1));
        assertThat(casebook.triage("R-2")).contains(noDuty);
        assertThat(casebook.triage("R-3")).isEmpty();
    }

    @Test
    void aReportIdIsReceivedOnce() {
        casebook.putReport(R1, Fixtures.triage(R1));
        Triage other = new Triage(Triage.Outcome.NEEDS_TRIAGE, "again", 4);

        assertThatThrownBy(() -> casebook.putReport(Fixtures.report("R-1"), other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("report R-1 was already received");
        assertThat(casebook.reports()).containsExactly(R1);
        assertThat(casebook.triage("R-1")).contains(Fixtures.triage(R1));
    }

    @Test
    void anObligationIsReplacedByItsNextVersionNotDuplicated() {
        Obligation citizens = obligation("R-1", CITIZENS);
        Obligation venue = obligation("R-1", VENUE);
        casebook.put(citizens);
        casebook.put(venue);

        Obligation drafted = moved(citizens, ObligationState.DRAFTED, Duration.ofMinutes(30));
        casebook.put(drafted);
        Obligation approved = moved(drafted, ObligationState.APPROVED, Duration.ofHours(1));
        casebook.put(approved);

        assertThat(casebook.obligations()).containsExactly(approved, venue);
        assertThat(casebook.obligation("R-1/us-citizens-ru")).contains(approved);
        assertThat(casebook.obligation("R-1", "crocus-city-hall")).contains(venue);
        assertThat(casebook.obligation("R-1", "nobody")).isEmpty();
    }

    @Test
    void anEscalatedObligationKeepsItsResumeState() {
        Obligation escalated = Fixtures.escalated(PUBLIC);
        casebook.put(escalated);

        assertThat(casebook.obligation(escalated.id())).contains(escalated);
        assertThat(casebook.obligation(escalated.id()).orElseThrow().resumeState()).contains(ObligationState.DRAFTED);
    }

    @Test
    void draftsAreReplacedInPlace() {
        DraftRecord d1 = Fixtures.draft("D-1", CITIZENS);
        DraftRecord d2 = Fixtures.draft("D-2", AUTHORITIES);
        casebook.put(d1);
        casebook.put(d2);
        DraftRecord approved = Fixtures.withStatus(d1, DraftRecord.Status.APPROVED, "approver (approver)");

        casebook.put(approved);

        assertThat(casebook.drafts()).containsExactly(approved, d2);
        assertThat(casebook.draft("D-1")).contains(approved);
        assertThat(casebook.draft("D-3")).isEmpty();
    }

    @Test
    void warningsToFindsTheWarningsOfAReportThatAddressAParty() {
        Instant at = RECEIVED.plus(Duration.ofHours(12));
        Warning w1 = warning("W-1", "R-1", at, CITIZENS, PUBLIC);
        Warning w2 = warning("W-2", "R-2", at, CITIZENS);
        Warning w3 = warning("W-3", "R-1", at.plus(Duration.ofHours(40)), PUBLIC);
        List.of(w1, w2, w3).forEach(casebook::put);

        assertThat(casebook.warnings()).containsExactly(w1, w2, w3);
        assertThat(casebook.warning("W-2")).contains(w2);
        assertThat(casebook.warningsTo("R-1", "public-moscow")).containsExactly(w1, w3);
        assertThat(casebook.warningsTo("R-1", "us-citizens-ru")).containsExactly(w1);
        assertThat(casebook.warningsTo("R-2", "us-citizens-ru")).containsExactly(w2);
        assertThat(casebook.warningsTo("R-2", "public-moscow")).isEmpty();
        assertThat(casebook.warningsTo("R-1", "ru-authorities")).isEmpty();
    }

    @Test
    void theWarningsInForceAreThoseIssuedAndNotYetEndedTheLatestFirst() {
        Instant at = RECEIVED.plus(Duration.ofHours(12));
        Warning first = warning("W-1", "R-1", at, PUBLIC);
        Warning second = warning("W-2", "R-2", at.plus(Duration.ofHours(10)), CITIZENS);
        Warning later = warning("W-3", "R-1", at.plus(Duration.ofHours(60)), PUBLIC);
        List.of(first, second, later).forEach(casebook::put);

        assertThat(casebook.warningsInForce(at.plus(Duration.ofHours(5)), 10)).containsExactly(first);
        assertThat(casebook.warningsInForce(at.plus(Duration.ofHours(20)), 10)).containsExactly(second, first);
        assertThat(casebook.warningsInForce(at.plus(Duration.ofHours(20)), 1)).containsExactly(second);
        assertThat(casebook.warningsInForce(at.plus(Duration.ofHours(48)), 10)).containsExactly(second);
        assertThat(casebook.warningsInForce(at.minus(Duration.ofHours(1)), 10)).isEmpty();
    }

    @Test
    void aReplacedWarningAddressesItsNewPartiesOnly() {
        Instant at = RECEIVED.plus(Duration.ofHours(12));
        casebook.put(warning("W-1", "R-1", at, CITIZENS, PUBLIC));
        casebook.put(warning("W-2", "R-1", at, PUBLIC));
        Warning narrowed = warning("W-1", "R-1", at, PUBLIC);

        casebook.put(narrowed);

        assertThat(casebook.warningsTo("R-1", "us-citizens-ru")).isEmpty();
        assertThat(casebook.warningsTo("R-1", "public-moscow")).extracting(Warning::id).containsExactly("W-1", "W-2");
        assertThat(casebook.warnings()).hasSize(2).first().isEqualTo(narrowed);
    }

    @Test
    void waiversForFindsTheWaiversOfAnObligationInFirstPutOrder() {
        Waiver x1 = Fixtures.waiver("X-1", "R-1/crocus-city-hall");
        Waiver x2 = Fixtures.waiver("X-2", "R-1/ru-authorities");
        Waiver x3 = Fixtures.waiver("X-3", "R-1/crocus-city-hall");
        List.of(x1, x2, x3).forEach(casebook::put);
        Waiver decided = Fixtures.approved(x1);

        casebook.put(decided);

        assertThat(casebook.waivers()).containsExactly(decided, x2, x3);
        assertThat(casebook.waiver("X-1")).contains(decided);
        assertThat(casebook.waiversFor("R-1/crocus-city-hall")).containsExactly(decided, x3);
        assertThat(casebook.waiversFor("R-1/ru-authorities")).containsExactly(x2);
        assertThat(casebook.waiversFor("R-1/public-moscow")).isEmpty();
    }

    @Test
    void incidentsComeBackInFirstPutOrder() {
        Incident attack = Fixtures.attack();
        Incident partly = Fixtures.partlyKnown("fire");
        casebook.put(partly);
        casebook.put(attack);
        Incident clearer = new Incident("fire", partly.at(), partly.place(), "arson", partly.target(),
                Incident.Casualties.UNKNOWN, java.util.Optional.of("nobody"));

        casebook.put(clearer);

        assertThat(casebook.incidents()).containsExactly(clearer, attack);
    }

    @Test
    void eventsComeBackInAppendOrderFromAnyPosition() {
        TimelineEntry received = event(RECEIVED, "report-received", "R-1");
        TimelineEntry opened = event(RECEIVED, "obligation-opened", "R-1/us-citizens-ru");
        TimelineEntry note = event(RECEIVED.plus(Duration.ofHours(4)), "note", "-");
        // same instant, appended later, stays later
        TimelineEntry alsoOpened = event(RECEIVED, "obligation-opened", "R-1/public-moscow");
        List.of(received, opened, note, alsoOpened).forEach(casebook::append);

        assertThat(casebook.events()).containsExactly(received, opened, note, alsoOpened);
        List<NumberedEntry> all = casebook.eventsAfter(-1, 10);
        assertThat(all).extracting(NumberedEntry::entry).containsExactly(received, opened, note, alsoOpened);
        assertThat(casebook.eventsAfter(all.get(1).seq(), 10)).extracting(NumberedEntry::entry).containsExactly(note, alsoOpened);
        assertThat(casebook.eventsAfter(all.get(0).seq(), 2)).extracting(NumberedEntry::entry).containsExactly(opened, note);
        assertThat(casebook.eventsAfter(all.get(3).seq(), 10)).isEmpty();
    }

    @Test
    void anEventKeepsItsInstantToTheNanosecond() {
        TimelineEntry precise = event(Instant.parse("2024-03-07T05:00:00.123456789Z"), "note", "-");

        casebook.append(precise);

        assertThat(casebook.events()).containsExactly(precise);
    }

    @Test
    void hasEventMatchesTypeAndSubjectTogether() {
        casebook.append(event(RECEIVED, "renewal-due", "W-1"));
        casebook.append(event(RECEIVED, "warning-issued", "W-2"));

        assertThat(casebook.hasEvent("renewal-due", "W-1")).isTrue();
        assertThat(casebook.hasEvent("warning-issued", "W-2")).isTrue();
        assertThat(casebook.hasEvent("renewal-due", "W-2")).isFalse();
        assertThat(casebook.hasEvent("warning-issued", "W-1")).isFalse();
    }

    @Test
    void obligationsOfAReportComeInTheOrderTheyWereOpened() {
        Obligation citizens = obligation("R-1", CITIZENS);
        Obligation other = obligation("R-2", PUBLIC);
        Obligation venue = obligation("R-1", VENUE);
        List.of(citizens, other, venue).forEach(casebook::put);
        Obligation drafted = moved(citizens, ObligationState.DRAFTED, Duration.ofMinutes(30));
        casebook.put(drafted);

        assertThat(casebook.obligationsOf("R-1")).containsExactly(drafted, venue);
        assertThat(casebook.obligationsOf("R-2")).containsExactly(other);
        assertThat(casebook.obligationsOf("R-3")).isEmpty();
    }

    @Test
    void theClockMayMoveObligationsAwaitingTheirWarningWhoseThreatWindowEnded() {
        ThreatReport shortThreat = new ThreatReport("R-2", RECEIVED, R1.harm(), R1.credibility(), R1.place(),
                new TimeWindow(R1.window().from(), RECEIVED.plus(Duration.ofHours(10))), R1.statements(), R1.portions(),
                R1.protectedMaterial(), R1.synthetic());
        casebook.putReport(R1, Fixtures.triage(R1));
        casebook.putReport(shortThreat, Fixtures.triage(shortThreat));
        Instant farOff = RECEIVED.plus(Duration.ofDays(60));
        Obligation longThreat = Obligation.open("R-1/" + CITIZENS.id(), "R-1", CITIZENS.id(), CITIZENS.audience(),
                RECEIVED, farOff, "scheduler", 3, "deadline far off");
        Obligation ending = Obligation.open("R-2/" + PUBLIC.id(), "R-2", PUBLIC.id(), PUBLIC.audience(), RECEIVED,
                farOff, "scheduler", 3, "deadline after the window, as stored before deadlines were kept inside it");
        Obligation waived = moved(moved(Obligation.open("R-2/" + VENUE.id(), "R-2", VENUE.id(), VENUE.audience(),
                RECEIVED, farOff, "scheduler", 3, "waived"), ObligationState.WAIVER_REQUESTED, Duration.ofMinutes(10)),
                ObligationState.WAIVED, Duration.ofMinutes(10));
        Obligation closed = Obligation.open("R-2/" + AUTHORITIES.id(), "R-2", AUTHORITIES.id(), AUTHORITIES.audience(),
                RECEIVED, farOff, "scheduler", 3, "closed").close(ClosingReason.EXPIRED_UNWARNED,
                RECEIVED.plus(Duration.ofHours(10)), "scheduler", 3, "the threat window ended");
        List.of(longThreat, ending, waived, closed).forEach(casebook::put);

        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(9)))).isEmpty();
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(10)))).containsExactly(ending);
        assertThat(casebook.obligation(closed.id())).contains(closed);
    }

    @Test
    void aRevisedThreatWindowMovesWhenTheClockMayCloseItsObligations() {
        Instant farOff = RECEIVED.plus(Duration.ofDays(60));
        // stored before its report, as a copy may be: the report's end of threat is learned when the report comes
        Obligation awaiting = Obligation.open("R-1/" + CITIZENS.id(), "R-1", CITIZENS.id(), CITIZENS.audience(),
                RECEIVED, farOff, "scheduler", 3, "deadline far off");
        casebook.put(awaiting);
        casebook.putReport(R1, Fixtures.triage(R1));
        Instant end = R1.window().to();
        assertThat(casebook.obligationsTheClockMayMove(end.minusSeconds(1))).isEmpty();
        assertThat(casebook.obligationsTheClockMayMove(end)).containsExactly(awaiting);

        Instant earlier = RECEIVED.plus(Duration.ofHours(5));
        casebook.reviseReport(new ThreatReport(R1.id(), R1.receivedAt(), R1.harm(), R1.credibility(), R1.place(),
                new TimeWindow(R1.window().from(), earlier), R1.statements(), R1.portions(), R1.protectedMaterial(),
                R1.synthetic()));

        assertThat(casebook.obligationsTheClockMayMove(earlier.minusSeconds(1))).isEmpty();
        assertThat(casebook.obligationsTheClockMayMove(earlier)).containsExactly(awaiting);
        assertThat(casebook.obligationsTheClockMayMove(earlier, Slice.first(10))).containsExactly(awaiting);
    }

    @Test
    void draftsOfAReportComeInTheOrderTheyWereMade() {
        DraftRecord d1 = Fixtures.draft("D-1", CITIZENS);
        DraftRecord d2 = Fixtures.draft("D-2", AUTHORITIES);
        casebook.put(d1);
        casebook.put(d2);

        assertThat(casebook.draftsOf("R-1")).containsExactly(d1, d2);
        assertThat(casebook.draftsOf("R-2")).isEmpty();
    }

    @Test
    void theClockMayMoveObligationsPastTheirDeadlineAndThoseWhoseLatestWarningEnded() {
        Obligation open = obligation("R-1", CITIZENS);
        Obligation escalated = Fixtures.escalated(PUBLIC);
        Obligation waived = moved(moved(obligation("R-1", AUTHORITIES), ObligationState.WAIVER_REQUESTED,
                Duration.ofMinutes(10)), ObligationState.WAIVED, Duration.ofMinutes(10));
        Obligation venue = issued(obligation("R-2", VENUE));
        Obligation plaza = issued(obligation("R-2", PLAZA));
        List.of(open, escalated, waived, venue, plaza).forEach(casebook::put);
        casebook.put(warning("W-1", "R-2", RECEIVED.plus(Duration.ofHours(1)), VENUE));
        casebook.put(warning("W-2", "R-2", RECEIVED.plus(Duration.ofHours(1)), PLAZA));
        casebook.put(Fixtures.renewing("W-2", warning("W-3", "R-2", RECEIVED.plus(Duration.ofHours(40)), PLAZA)));

        // every deadline is RECEIVED + 4 h; W-1 ends at + 49 h, W-3 (the latest to the plaza) at + 88 h
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(4)))).containsExactly(open, escalated);
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(49))))
                .containsExactly(open, escalated, venue);
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(88))))
                .containsExactly(open, escalated, venue, plaza);
    }

    @Test
    void anObligationEscalatedBecauseItsWarningWasNotDeliveredIsMovedByTheClockWhenTheWarningEnds() {
        Instant farOff = RECEIVED.plus(Duration.ofDays(60));
        Obligation undelivered = moved(issued(Obligation.open("R-2/" + VENUE.id(), "R-2", VENUE.id(), VENUE.audience(),
                RECEIVED, farOff, "scheduler", 3, "deadline far off")), ObligationState.ESCALATED, Duration.ofMinutes(30));
        casebook.put(undelivered);
        casebook.put(warning("W-1", "R-2", RECEIVED.plus(Duration.ofHours(1)), VENUE));

        // W-1 ends at + 49 h; the obligation's deadline and its report's window are far off
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(48)))).isEmpty();
        assertThat(casebook.obligationsTheClockMayMove(RECEIVED.plus(Duration.ofHours(49)))).containsExactly(undelivered);
    }

    @Test
    void warningsAwaitingRenewalEndBeforeTheirThreatAndAreNeitherRenewedNorCalledFor() {
        casebook.putReport(R1, Fixtures.triage(R1));
        ThreatReport r2 = Fixtures.report("R-2");
        casebook.putReport(r2, Fixtures.triage(r2));
        Warning w1 = warning("W-1", "R-1", RECEIVED.plus(Duration.ofHours(12)), CITIZENS);
        Warning w2 = warning("W-2", "R-1", RECEIVED.plus(Duration.ofHours(14)), PUBLIC);
        Warning w3 = Fixtures.renewing("W-2", warning("W-3", "R-1", RECEIVED.plus(Duration.ofHours(50)), PUBLIC));
        Warning w4 = warning("W-4", "R-2", RECEIVED.plus(Duration.ofHours(16)), VENUE);
        Warning w5 = warning("W-5", "R-1", R1.window().to().minus(Duration.ofHours(10)), AUTHORITIES);
        List.of(w1, w2, w3, w4, w5).forEach(casebook::put);
        casebook.append(event(RECEIVED.plus(Duration.ofHours(60)), "renewal-due", "W-4"));

        // W-1 ends at + 60 h, W-3 at + 98 h; W-2 is renewed, W-4's renewal called for, W-5 outlasts the threat
        assertThat(casebook.warningsAwaitingRenewal(RECEIVED.plus(Duration.ofHours(59)))).isEmpty();
        assertThat(casebook.warningsAwaitingRenewal(RECEIVED.plus(Duration.ofHours(70)))).containsExactly(w1);
        assertThat(casebook.warningsAwaitingRenewal(R1.window().to().plus(Duration.ofDays(30)))).containsExactly(w1, w3);
        assertThat(casebook.isRenewed("W-2")).isTrue();
        assertThat(casebook.isRenewed("W-1")).isFalse();
        assertThat(casebook.isRenewed("W-3")).isFalse();
    }

    @Test
    void aWarningAwaitsRenewalWhileItsThreatOutlastsItAsTheReportIsRevised() {
        casebook.putReport(R1, Fixtures.triage(R1));
        Instant end = R1.window().to();
        // issued for 48 hours two days before the threat ends, it outlasts it by two hours
        Warning lastsTheThreat = warning("W-1", "R-1", end.minus(Duration.ofHours(46)), CITIZENS);
        casebook.put(lastsTheThreat);
        Instant later = end.plus(Duration.ofDays(30));
        assertThat(casebook.warningsAwaitingRenewal(later)).isEmpty();

        // the threat is found to last a day longer: the warning now ends before it
        casebook.reviseReport(withWindowTo(R1, end.plus(Duration.ofDays(1))));
        assertThat(casebook.warningsAwaitingRenewal(later)).containsExactly(lastsTheThreat);

        casebook.reviseReport(withWindowTo(R1, end));
        assertThat(casebook.warningsAwaitingRenewal(later)).isEmpty();
    }

    @Test
    void aRenewalCalledForInABatchOfEventsIsNoLongerAwaited() {
        casebook.putReport(R1, Fixtures.triage(R1));
        Warning w1 = warning("W-1", "R-1", RECEIVED.plus(Duration.ofHours(12)), CITIZENS);
        Warning w2 = warning("W-2", "R-1", RECEIVED.plus(Duration.ofHours(14)), PUBLIC);
        casebook.put(w1);
        casebook.put(w2);

        casebook.appendAll(List.of(event(RECEIVED.plus(Duration.ofHours(11)), "renewal-due", "W-1"),
                event(RECEIVED.plus(Duration.ofHours(11)), "warning-issued", "W-2")));

        assertThat(casebook.warningsAwaitingRenewal(R1.window().to())).containsExactly(w2);
    }

    private static ThreatReport withWindowTo(ThreatReport report, Instant to) {
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                new TimeWindow(report.window().from(), to), report.statements(), report.portions(),
                report.protectedMaterial(), report.synthetic());
    }

    @Test
    void aCancelledWarningIsKeptWithItsCancellationAndAwaitsNoRenewal() {
        casebook.putReport(R1, Fixtures.triage(R1));
        Warning w1 = warning("W-1", "R-1", RECEIVED.plus(Duration.ofHours(12)), CITIZENS);
        casebook.put(w1);
        Warning cancelled = w1.cancelled(new io.forewarn.obligation.Cancellation(RECEIVED.plus(Duration.ofHours(20)),
                "approver-1", "the source withdrew the report"));
        casebook.put(cancelled);

        assertThat(casebook.warning("W-1")).contains(cancelled);
        assertThat(casebook.warningsAwaitingRenewal(R1.window().to().plus(Duration.ofDays(30)))).isEmpty();
        // the feed still lists it (as its Cancel) until its validity as issued ends
        assertThat(casebook.warningsInForce(RECEIVED.plus(Duration.ofHours(21)), 10)).containsExactly(cancelled);
    }

    private static Obligation issued(Obligation opened) {
        Obligation drafted = moved(opened, ObligationState.DRAFTED, Duration.ofMinutes(10));
        Obligation approved = moved(drafted, ObligationState.APPROVED, Duration.ofMinutes(10));
        return moved(approved, ObligationState.ISSUED, Duration.ofMinutes(10));
    }

    // --- the questions a request, the sweep and the review ask

    @Test
    void partiesPageInFirstPutOrderByAudienceAfterACursor() {
        List.of(CITIZENS, PUBLIC, AUTHORITIES, VENUE, PLAZA).forEach(casebook::putParty);

        assertThat(casebook.parties(Optional.empty(), Slice.first(2))).containsExactly(CITIZENS, PUBLIC);
        assertThat(casebook.parties(Optional.empty(), Slice.after("public-moscow", 2))).containsExactly(AUTHORITIES, VENUE);
        assertThat(casebook.parties(Optional.empty(), Slice.after("plaza", 2))).isEmpty();
        assertThat(casebook.parties(Optional.of(VENUE.audience()), Slice.first(5))).containsExactly(VENUE, PLAZA);
        assertThat(casebook.parties(Optional.of(VENUE.audience()), Slice.after("crocus-city-hall", 5))).containsExactly(PLAZA);
        assertThat(casebook.parties(List.of("plaza", "nobody", "us-citizens-ru"))).containsExactly(CITIZENS, PLAZA);
        assertThatThrownBy(() -> casebook.parties(Optional.empty(), Slice.after("nobody", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the page cursor names no party on file");
    }

    @Test
    void partiesPutInBatchesAreReplacedInPlaceAndIndexedAnew() {
        casebook.putParties(List.of(CITIZENS, PUBLIC, VENUE));
        Party moved = new Party.Registrants(CITIZENS.id(), CITIZENS.audience(), CITIZENS.relationship(),
                Place.of(Map.of(PlaceLevel.COUNTRY, NamedPlace.named("US"))), 12, true);

        assertThat(casebook.partiesOnFile(List.of("plaza", CITIZENS.id(), VENUE.id()))).containsExactlyInAnyOrder(
                CITIZENS.id(), VENUE.id());
        casebook.putParties(List.of(PLAZA, moved));

        assertThat(casebook.parties()).containsExactly(moved, PUBLIC, VENUE, PLAZA);
        assertThat(casebook.partiesReached(Reach.of(R1.place()))).containsExactly(PUBLIC, VENUE, PLAZA);
    }

    @Test
    void aPartyFindsTheOpenReportsThatReachItAndNoOthers() {
        Party kazan = new Party.Public("public-kazan", PUBLIC.audience(), Relationship.NEUTRAL,
                Place.of(Map.of(PlaceLevel.LOCALITY, new NamedPlace("Kazan",
                        Optional.of(new Area.Circle(new LatLon(55.79, 49.12), 20))), PlaceLevel.COUNTRY, NamedPlace.named("US"))),
                true);
        casebook.putParties(List.of(PUBLIC, VENUE, PLAZA, kazan));
        casebook.putReport(R1, Fixtures.triage(R1));
        ThreatReport ended = new ThreatReport("R-ended", R1.receivedAt(), R1.harm(), R1.credibility(), R1.place(),
                new TimeWindow(R1.window().from(), RECEIVED.plus(Duration.ofDays(1))), R1.statements(), R1.portions(),
                R1.protectedMaterial(), R1.synthetic());
        casebook.putReport(ended, Fixtures.triage(ended));
        Instant now = RECEIVED.plus(Duration.ofDays(2));

        Map<String, Set<String>> reaching = casebook.reportsReaching(List.of(PUBLIC, VENUE, PLAZA, kazan), now);

        // by geometry (the venue, the plaza) and by names (the public of Moscow); Kazan is 700 km off, in another
        // country by name; the report whose window has ended reaches nobody
        assertThat(reaching).isEqualTo(Map.of(PUBLIC.id(), Set.of("R-1"), VENUE.id(), Set.of("R-1"),
                PLAZA.id(), Set.of("R-1")));
        assertThat(casebook.reportsReaching(List.of(VENUE), R1.window().to())).isEmpty();
    }

    @Test
    void aRevisedReportIsFoundWhereItReachesNowAndARemovedPartyIsNeitherListedNorReached() {
        casebook.putParties(List.of(PUBLIC, VENUE));
        casebook.putReport(R1, Fixtures.triage(R1));
        ThreatReport elsewhere = new ThreatReport(R1.id(), R1.receivedAt(), R1.harm(), R1.credibility(),
                Place.of(Map.of(PlaceLevel.COUNTRY, NamedPlace.named("US"))), R1.window(), R1.statements(), R1.portions(),
                R1.protectedMaterial(), R1.synthetic());
        Instant now = RECEIVED.plus(Duration.ofDays(1));
        assertThat(casebook.reportsReaching(List.of(VENUE), now)).containsOnlyKeys(VENUE.id());

        casebook.reviseReport(elsewhere);
        assertThat(casebook.report(R1.id())).contains(elsewhere);
        assertThat(casebook.triage(R1.id())).contains(Fixtures.triage(R1));
        assertThat(casebook.reportsReaching(List.of(VENUE), now)).isEmpty();

        casebook.reviseReport(R1);
        assertThat(casebook.reportsReaching(List.of(VENUE, PUBLIC), now)).containsOnlyKeys(VENUE.id(), PUBLIC.id());
        casebook.removeParty(VENUE.id(), now);
        assertThat(casebook.partyRemoved(VENUE.id())).isTrue();
        assertThat(casebook.partiesRemoved(List.of(VENUE.id(), PUBLIC.id()))).containsExactly(VENUE.id());
        assertThat(casebook.party(VENUE.id())).contains(VENUE);
        assertThat(casebook.parties(Optional.empty(), Slice.first(50))).containsExactly(PUBLIC);
        assertThat(casebook.partiesReached(Reach.of(R1.place()))).containsExactly(PUBLIC);
    }

    @Test
    void theObligationsOfSomePartiesComeInTheOrderTheyWereOpened() {
        Obligation venue = obligation("R-1", VENUE);
        Obligation publicOne = obligation("R-1", PUBLIC);
        Obligation venueAgain = obligation("R-2", VENUE);
        casebook.open(List.of(venue, publicOne, venueAgain, obligation("R-1", CITIZENS)));

        assertThat(casebook.obligationsOfParties(List.of(VENUE.id(), PUBLIC.id()))).containsExactly(venue, publicOne,
                venueAgain);
    }

    @Test
    void partiesReachedAreThoseWhosePlaceTheReportsIndexKeysMeet() {
        List.of(CITIZENS, PUBLIC, AUTHORITIES, VENUE, PLAZA).forEach(casebook::putParty);
        Party faraway = new Party.Public("public-vladivostok", PUBLIC.audience(), Relationship.NEUTRAL,
                Place.of(Map.of(PlaceLevel.LOCALITY, new NamedPlace("Vladivostok",
                        Optional.of(new Area.Circle(new LatLon(43.1, 131.9), 30))), PlaceLevel.COUNTRY, NamedPlace.named("RU"))),
                true);
        casebook.putParty(faraway);

        // R-1 says "Moscow, 40 km": the plaza and the venue by their circles, the citizens and the authorities by
        // the country they name, the public of Moscow by its circle; Vladivostok names its locality, not reached
        assertThat(casebook.partiesReached(Reach.of(R1.place()))).containsExactly(CITIZENS, PUBLIC, AUTHORITIES, VENUE, PLAZA);
        Place vladivostok = Place.of(Map.of(PlaceLevel.SITE, new NamedPlace("Port",
                Optional.of(new Area.Circle(new LatLon(43.11, 131.88), 1))), PlaceLevel.COUNTRY, NamedPlace.named("ru")));
        // the public of Moscow names no site, so "RU" decides for it; the venue and the plaza are decided by geometry
        assertThat(casebook.partiesReached(Reach.of(vladivostok))).containsExactly(CITIZENS, PUBLIC, AUTHORITIES, faraway);
    }

    @Test
    void reportsPageWithTheirTriageAndThoseForetellingAnInstantAreFound() {
        ThreatReport r2 = Fixtures.report("R-2");
        Triage noDuty = new Triage(Triage.Outcome.NO_DUTY, "harm other is not covered by policy v3", 3);
        casebook.putReport(R1, Fixtures.triage(R1));
        casebook.putReport(r2, noDuty);

        assertThat(casebook.reports(Optional.empty(), Slice.first(5)))
                .containsExactly(new ReceivedReport(R1, Fixtures.triage(R1)), new ReceivedReport(r2, noDuty));
        assertThat(casebook.reports(Optional.empty(), Slice.after("R-1", 5))).containsExactly(new ReceivedReport(r2, noDuty));
        assertThat(casebook.reports(Optional.of(R1.harm()), Slice.first(5))).hasSize(2);
        assertThat(casebook.reports(Optional.of(io.forewarn.report.Harm.KIDNAPPING), Slice.first(5))).isEmpty();
        assertThat(casebook.reportsForetelling(R1.window().from())).isEmpty(); // before either was received
        assertThat(casebook.reportsForetelling(R1.receivedAt())).isEmpty();
        assertThat(casebook.reportsForetelling(R1.receivedAt().plus(Duration.ofMinutes(30)))).containsExactly(R1);
        assertThat(casebook.reportsForetelling(R1.receivedAt().plus(Duration.ofHours(2)))).containsExactly(R1, r2);
        assertThat(casebook.reportsForetelling(R1.window().to())).isEmpty();
        assertThat(casebook.reportsForetelling(R1.window().to().minusSeconds(1))).containsExactly(R1, r2);
    }

    @Test
    void obligationsPageByStatePartyReportAndDeadline() {
        Obligation citizens = obligation("R-1", CITIZENS);
        Obligation later = Fixtures.openedAt("R-2", PUBLIC, RECEIVED.minus(Duration.ofHours(1)));
        Obligation venue = moved(obligation("R-1", VENUE), ObligationState.DRAFTED, Duration.ofMinutes(5));
        casebook.open(List.of(citizens, later));
        casebook.put(obligation("R-1", VENUE));
        casebook.put(venue);

        assertThat(casebook.obligations(ObligationQuery.all(), Slice.first(5))).containsExactly(citizens, later, venue);
        assertThat(casebook.obligations(ObligationQuery.all(), Slice.after(citizens.id(), 1))).containsExactly(later);
        assertThat(casebook.obligations(ObligationQuery.all().mostUrgentFirst(), Slice.first(5)))
                .containsExactly(later, citizens, venue);
        assertThat(casebook.obligations(ObligationQuery.all().mostUrgentFirst(), Slice.after(later.id(), 5)))
                .containsExactly(citizens, venue);
        assertThat(casebook.obligations(ObligationQuery.all().inStates(Set.of(ObligationState.OPEN)), Slice.first(5)))
                .containsExactly(citizens, later);
        assertThat(casebook.obligations(ObligationQuery.all().ofReport("R-1"), Slice.first(5))).containsExactly(citizens, venue);
        assertThat(casebook.obligations(ObligationQuery.all().toParty(PUBLIC.id()), Slice.first(5))).containsExactly(later);
        assertThat(casebook.obligations(ObligationQuery.all().dueBefore(citizens.deadline()), Slice.first(5)))
                .containsExactly(later);
        assertThatThrownBy(() -> casebook.obligations(ObligationQuery.all(), Slice.after("R-9/nobody", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the page cursor names no obligation on file");
    }

    @Test
    void theWarningsAndWaiversOfManyObligationsComeInOneQuestion() {
        Obligation citizens = obligation("R-1", CITIZENS);
        Obligation plaza = obligation("R-1", PLAZA);
        Obligation venue = obligation("R-2", VENUE);
        casebook.open(List.of(citizens, plaza, venue));
        Warning w1 = warning("W-1", "R-1", RECEIVED.plus(Duration.ofHours(1)), CITIZENS, PLAZA);
        Warning w2 = warning("W-2", "R-2", RECEIVED.plus(Duration.ofHours(2)), VENUE);
        Warning w3 = Fixtures.renewing("W-1", warning("W-3", "R-1", RECEIVED.plus(Duration.ofHours(3)), PLAZA));
        List.of(w1, w2, w3).forEach(casebook::put);
        Waiver x1 = Fixtures.waiver("X-1", venue.id());
        Waiver x2 = Fixtures.waiver("X-2", citizens.id());
        Waiver x3 = Fixtures.waiver("X-3", venue.id());
        List.of(x1, x2, x3).forEach(casebook::put);

        assertThat(casebook.warningsTo(List.of(venue, plaza, citizens)))
                .containsExactly(Map.entry(venue.id(), List.of(w2)), Map.entry(plaza.id(), List.of(w1, w3)),
                        Map.entry(citizens.id(), List.of(w1)));
        assertThat(casebook.warningsTo(List.of(obligation("R-2", PLAZA)))).isEmpty();
        assertThat(casebook.waiversFor(List.of(citizens.id(), plaza.id(), venue.id())))
                .containsExactly(Map.entry(citizens.id(), List.of(x2)), Map.entry(venue.id(), List.of(x1, x3)));
        assertThat(casebook.warnings(Optional.empty(), Optional.of(PLAZA.id()), Slice.first(5))).containsExactly(w1, w3);
        assertThat(casebook.warnings(Optional.of("R-1"), Optional.empty(), Slice.after("W-1", 5))).containsExactly(w3);
        assertThat(casebook.waivers(Optional.of(venue.id()), Slice.first(1))).containsExactly(x1);
        assertThat(casebook.waivers(Optional.empty(), Slice.after("X-1", 5))).containsExactly(x2, x3);
    }

    @Test
    void draftsAndIncidentsPage() {
        DraftRecord d1 = Fixtures.draft("D-1", CITIZENS);
        DraftRecord d2 = Fixtures.withStatus(Fixtures.draft("D-2", AUTHORITIES), DraftRecord.Status.APPROVED, "approver");
        casebook.put(d1);
        casebook.put(d2);
        Incident attack = Fixtures.attack();
        Incident other = Fixtures.partlyKnown("other");
        casebook.put(attack);
        casebook.put(other);

        assertThat(casebook.drafts(Optional.of("R-1"), Optional.empty(), Slice.first(5))).containsExactly(d1, d2);
        assertThat(casebook.drafts(Optional.empty(), Optional.of(DraftRecord.Status.APPROVED), Slice.first(5)))
                .containsExactly(d2);
        assertThat(casebook.drafts(Optional.empty(), Optional.empty(), Slice.after("D-1", 5))).containsExactly(d2);
        assertThat(casebook.incidents(Slice.first(1))).containsExactly(attack);
        assertThat(casebook.incidents(Slice.after(attack.id(), 5))).containsExactly(other);
        assertThat(casebook.incident("other")).contains(other);
        assertThat(casebook.incident("none")).isEmpty();
    }

    @Test
    void theObligationsTheClockMayMoveComeInPages() {
        Obligation open = obligation("R-1", CITIZENS);
        Obligation escalated = Fixtures.escalated(PUBLIC);
        Obligation venue = obligation("R-1", VENUE);
        List.of(open, escalated, venue).forEach(casebook::put);
        Instant late = RECEIVED.plus(Duration.ofHours(5));

        assertThat(casebook.obligationsTheClockMayMove(late, Slice.first(2))).containsExactly(open, escalated);
        assertThat(casebook.obligationsTheClockMayMove(late, Slice.after(escalated.id(), 2))).containsExactly(venue);
    }

    @Test
    void idsCountUpPerPrefix() {
        assertThat(List.of(casebook.nextId("D"), casebook.nextId("D"), casebook.nextId("W"), casebook.nextId("D"),
                casebook.nextId("X"), casebook.nextId("W")))
                .containsExactly("D-1", "D-2", "W-1", "D-3", "X-1", "W-2");
    }
}
