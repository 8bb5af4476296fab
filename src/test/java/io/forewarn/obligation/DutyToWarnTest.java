package io.forewarn.obligation;

import io.forewarn.party.Parties;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.Crocus.AUTHORITIES;
import static io.forewarn.Crocus.R1_UNMARKED;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.obligation.ObligationState.ACKNOWLEDGED;
import static io.forewarn.obligation.ObligationState.APPROVED;
import static io.forewarn.obligation.ObligationState.DELIVERED;
import static io.forewarn.obligation.ObligationState.DRAFTED;
import static io.forewarn.obligation.ObligationState.ISSUED;
import static io.forewarn.obligation.ObligationState.OPEN;
import static io.forewarn.obligation.ObligationState.WAIVED;
import static io.forewarn.obligation.ObligationState.WAIVER_REJECTED;
import static io.forewarn.obligation.ObligationState.WAIVER_REQUESTED;
import static io.forewarn.place.Places.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The duty-to-warn flow of DESIGN.md under the default policy, step by step. */
class DutyToWarnTest {

    static final Audience OWN_CITIZENS = new Audience("own-citizens");
    static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");
    static final String AUTHORITIES_OBLIGATION = "R-1/ru-authorities";
    static final String CITIZENS_OBLIGATION = "R-1/us-citizens-ru";

    /** The end of R-1's threat window: midnight at the end of 30 March, Moscow time. */
    static final Instant WINDOW_END = R1_UNMARKED.window().to();

    /** A second authority of the same audience as ru-authorities, but an ally. */
    static final Party OBLAST_AUTHORITIES = Parties.authority("moscow-oblast-authorities",
            place().region("Moscow Oblast").country("RU").build(), Relationship.ALLY);

    static Map<Facet, Level> levels(String place, String time, String target, String method, String actor) {
        return Map.of(Facet.PLACE, Facet.PLACE.level(place), Facet.TIME, Facet.TIME.level(time),
                Facet.TARGET, Facet.TARGET.level(target), Facet.METHOD, Facet.METHOD.level(method),
                Facet.ACTOR, Facet.ACTOR.level(actor));
    }

    /** analyst-1 asks not to warn ru-authorities, citing {@code reason} and no alternative. */
    static Waiver notToWarnAuthorities(Desk desk, WaiverReason reason) {
        return desk.duty.requestWaiver(AUTHORITIES_OBLIGATION, reason, Waiver.Scope.NOT_WARNED, "analyst-1",
                Role.ANALYST, Optional.empty());
    }

    /** A desk that has received R-1. */
    static Desk received() {
        Desk desk = Desk.crocus();
        desk.duty.receive(R1_UNMARKED, "analyst-1");
        return desk;
    }

    /** A desk whose warning to the foreign government is approved (drafted by analyst-1, approved by approver-1). */
    static Desk approvedForAuthorities() {
        Desk desk = received();
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
        desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
        return desk;
    }

    @Nested
    class Receiving {

        @Test
        void aQualifyingReportOpensOneObligationPerAffectedPartyWithTheImminentDeadline() {
            Desk desk = Desk.crocus();

            List<Obligation> opened = desk.duty.receive(R1_UNMARKED, "analyst-1");

            assertThat(opened).extracting(Obligation::id, Obligation::partyId, Obligation::audience, Obligation::state)
                    .containsExactly(
                            tuple("R-1/us-citizens-ru", "us-citizens-ru", OWN_CITIZENS, OPEN),
                            tuple("R-1/public-moscow", "public-moscow", new Audience("public"), OPEN),
                            tuple("R-1/ru-authorities", "ru-authorities", FOREIGN_GOVERNMENT, OPEN),
                            tuple("R-1/crocus-city-hall", "crocus-city-hall", new Audience("venue-operator"), OPEN));
            assertThat(opened).allSatisfy(o -> {
                assertThat(o.reportId()).isEqualTo("R-1");
                assertThat(o.openedAt()).isEqualTo(RECEIVED);
                assertThat(o.deadline()).as("the threat window has already started: 4 hours")
                        .isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
                assertThat(o.history()).singleElement().satisfies(t -> {
                    assertThat(t.to()).isEqualTo(OPEN);
                    assertThat(t.policyVersion()).isEqualTo(3);
                    assertThat(t.note()).as("why the party is affected").isNotBlank();
                });
            });
            assertThat(desk.casebook.obligations()).hasSize(4);
            assertThat(desk.eventTypes()).containsExactly("report-received", "obligation-opened", "obligation-opened",
                    "obligation-opened", "obligation-opened");
            assertThat(desk.events("obligation-opened").get(0).summary())
                    .contains("imminent deadline 2024-03-07 12:00 +03:00");
        }

        @Test
        void aThreatStartingLaterThan72HoursOutGetsTheDefaultDeadline() {
            Desk desk = Desk.crocus();
            Instant starts = RECEIVED.plus(Duration.ofHours(72)).plusSeconds(1);

            List<Obligation> opened = desk.duty.receive(
                    Desk.withWindow(R1_UNMARKED, starts, starts.plus(Duration.ofDays(5))), "analyst-1");

            assertThat(opened).hasSize(4).allSatisfy(o ->
                    assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(24))));
            assertThat(desk.events("obligation-opened")).allSatisfy(e ->
                    assertThat(e.summary()).contains("default deadline 2024-03-08 08:00 +03:00"));
        }

        @Test
        void aThreatStartingExactly72HoursOutIsStillImminent() {
            Desk desk = Desk.crocus();
            Instant starts = RECEIVED.plus(Duration.ofHours(72));

            List<Obligation> opened = desk.duty.receive(
                    Desk.withWindow(R1_UNMARKED, starts, starts.plus(Duration.ofDays(5))), "analyst-1");

            assertThat(opened).allSatisfy(o -> assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(4))));
        }

        @Test
        void anObligationsDeadlineNeverFallsAfterItsThreatWindowEnds() {
            // the window opened yesterday and closes in one hour: the imminent deadline (4 h) would outlast it
            Desk desk = Desk.crocus();

            List<Obligation> opened = desk.duty.receive(Desk.withWindow(R1_UNMARKED,
                    RECEIVED.minus(Duration.ofDays(1)), RECEIVED.plus(Duration.ofHours(1))), "analyst-1");

            assertThat(opened).hasSize(4).allSatisfy(o ->
                    assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(1))));
            assertThat(desk.events("obligation-opened")).allSatisfy(e ->
                    assertThat(e.summary()).contains("window-end deadline 2024-03-07 09:00 +03:00"));
        }

        @Test
        void anObligationsDeadlineLeavesThePolicysLeadTimeBeforeTheThreatWindowOpens() {
            Desk desk = new Desk(io.forewarn.policy.PolicyFile.parse("slow.yaml", io.forewarn.policy.PolicyFile.defaultSource()
                    .replace("default: PT24H", "default: P5D")), io.forewarn.Crocus.PARTIES);
            Instant starts = RECEIVED.plus(Duration.ofDays(4));

            List<Obligation> opened = desk.duty.receive(
                    Desk.withWindow(R1_UNMARKED, starts, starts.plus(Duration.ofDays(5))), "analyst-1");

            assertThat(opened).hasSize(4).allSatisfy(o ->
                    assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofDays(3))));
            assertThat(desk.events("obligation-opened")).allSatisfy(e ->
                    assertThat(e.summary()).contains("lead-time deadline 2024-03-10 08:00 +03:00"));
        }

        @Test
        void theDeadlineRunsFromWhenTheDeskReceivesTheReport() {
            Desk desk = Desk.crocus().at(RECEIVED.plus(Duration.ofHours(3)));

            List<Obligation> opened = desk.duty.receive(R1_UNMARKED, "analyst-1");

            assertThat(opened).allSatisfy(o -> assertThat(o.deadline()).isEqualTo(RECEIVED.plus(Duration.ofHours(7))));
        }

        @Test
        void aHarmThePolicyDoesNotCoverOpensNothingButTheReportIsKept() {
            Desk desk = Desk.crocus();

            List<Obligation> opened = desk.duty.receive(Desk.withHarm(R1_UNMARKED, Harm.OTHER), "analyst-1");

            assertThat(opened).isEmpty();
            assertThat(desk.casebook.obligations()).isEmpty();
            assertThat(desk.casebook.report("R-1")).isPresent();
            assertThat(desk.casebook.triage("R-1")).get().extracting(Triage::outcome).isEqualTo(Triage.Outcome.NO_DUTY);
            assertThat(desk.eventTypes()).containsExactly("report-received", "report-out-of-scope");
            assertThat(desk.events("report-out-of-scope").get(0).summary())
                    .isEqualTo("harm other is not covered by policy v3");
        }

        @Test
        void aReportBelowTheMinimumCredibilityIsTriagedNotDropped() {
            Desk desk = Desk.crocus();

            List<Obligation> opened = desk.duty.receive(Desk.withCredibility(R1_UNMARKED, "E5"), "analyst-1");

            assertThat(opened).isEmpty();
            assertThat(desk.casebook.obligations()).isEmpty();
            assertThat(desk.casebook.report("R-1")).as("kept for a human to look at").isPresent();
            assertThat(desk.casebook.triage("R-1")).get().extracting(Triage::outcome)
                    .isEqualTo(Triage.Outcome.NEEDS_TRIAGE);
            assertThat(desk.eventTypes()).containsExactly("report-received", "report-triaged");
            assertThat(desk.events("report-triaged").get(0).summary())
                    .isEqualTo("credibility E5 is below the policy minimum D4");
        }

        @ParameterizedTest(name = "{0} obliges a warning: {1}")
        @CsvSource({"A1, true", "D4, true", "C3, true", "D5, false", "E4, false", "F6, false", "A5, false"})
        void theMinimumCredibilityIsMetOnBothScales(String credibility, boolean obliges) {
            Desk desk = Desk.crocus();

            List<Obligation> opened = desk.duty.receive(Desk.withCredibility(R1_UNMARKED, credibility), "analyst-1");

            assertThat(opened).hasSize(obliges ? 4 : 0);
        }

        @Test
        void aReportThatAffectsNobodySaysSo() {
            Desk desk = new Desk(List.of(Parties.registrants("citizens-fr", place().country("FR").build())));

            assertThat(desk.duty.receive(R1_UNMARKED, "analyst-1")).isEmpty();
            assertThat(desk.eventTypes()).containsExactly("report-received", "no-party-affected");
        }

        @Test
        void aReportIsReceivedOnlyOnce() {
            Desk desk = received();

            assertThatThrownBy(() -> desk.duty.receive(R1_UNMARKED, "analyst-2"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("report R-1 was already received");
            assertThat(desk.casebook.obligations()).hasSize(4);
        }
    }

    @Nested
    class Drafting {

        @Test
        void aDraftAnswersTheObligationsOfItsAudienceOnly() {
            Desk desk = received();

            DraftRecord draft = desk.duty.draft("R-1", OWN_CITIZENS, "analyst-1");

            assertThat(draft.obligationIds()).containsExactly(CITIZENS_OBLIGATION);
            assertThat(draft.status()).isEqualTo(DraftRecord.Status.DRAFTED);
            assertThat(draft.draftedBy()).isEqualTo("analyst-1");
            assertThat(desk.state(CITIZENS_OBLIGATION)).isEqualTo(DRAFTED);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(OPEN);
            assertThat(desk.obligation(CITIZENS_OBLIGATION).history()).last().satisfies(t -> {
                assertThat(t.actor()).isEqualTo("analyst-1");
                assertThat(t.note()).isEqualTo("draft " + draft.id());
            });
            assertThat(desk.events("warning-drafted")).singleElement().extracting(TimelineEntry::subject)
                    .isEqualTo(draft.id());
        }

        @Test
        void aDraftIsAsSpecificAsTheCeilingAndTheReportAllow() {
            Desk desk = received();

            DraftRecord citizens = desk.duty.draft("R-1", OWN_CITIZENS, "analyst-1");
            DraftRecord authorities = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            // own-citizens may get locality, day, class, generic, type; the report's 24-day window supports month
            assertThat(citizens.draft().released()).isEqualTo(levels("locality", "month", "class", "generic", "type"));
            // foreign-government may get site, exact, named, specific, named; the report names no site nor venue
            assertThat(authorities.draft().released())
                    .isEqualTo(levels("locality", "month", "class", "specific", "named"));
            assertThat(authorities.draft().text()).isEqualTo("Security alert: credible threat to life. Method: armed "
                    + "assault on an audience. Suspected perpetrators: Islamic State Khorasan Province. Targets: concert "
                    + "halls. Area: Moscow, Moscow Oblast, Russia. Dates: from 1 March 2024 to 31 March 2024. What to do: "
                    + "avoid large gatherings, concerts and shopping centres; know the exits of any place you enter, and "
                    + "leave at once if something seems wrong.");
            assertThat(citizens.draft().gaps()).isEmpty();
            assertThat(authorities.draft().gaps()).isEmpty();
        }

        @Test
        void aRedraftAnswersTheSameObligations() {
            Desk desk = received();
            desk.duty.draft("R-1", OWN_CITIZENS, "analyst-1");

            DraftRecord second = desk.duty.draft("R-1", OWN_CITIZENS, "analyst-2");

            assertThat(second.obligationIds()).containsExactly(CITIZENS_OBLIGATION);
            assertThat(desk.obligation(CITIZENS_OBLIGATION).history()).extracting(Transition::to)
                    .containsExactly(OPEN, DRAFTED, DRAFTED);
        }

        @Test
        void thereIsNothingToDraftForAnAudienceWithoutAWaitingObligation() {
            Desk desk = received();

            assertThatThrownBy(() -> desk.duty.draft("R-1", new Audience("partner-government"), "analyst-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no obligation of audience partner-government for report R-1 is waiting for a draft");
            assertThat(desk.casebook.drafts()).isEmpty();
        }
    }

    @Nested
    class Approving {

        @Test
        void aSecondPersonWithAnApprovingRoleApproves() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            DraftRecord approved = desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);

            assertThat(approved.status()).isEqualTo(DraftRecord.Status.APPROVED);
            assertThat(approved.decidedBy()).contains("approver-1 (approver)");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(APPROVED);
            assertThat(desk.events("draft-approved")).singleElement().extracting(TimelineEntry::actor)
                    .isEqualTo("approver-1");
        }

        @Test
        void aDirectorMayApproveToo() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            desk.duty.approve(draft.id(), "director-1", Role.DIRECTOR);

            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(APPROVED);
        }

        @Test
        void theDrafterCannotApproveTheirOwnDraft() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "ann");

            assertThatThrownBy(() -> desk.duty.approve(draft.id(), "ann", Role.APPROVER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draft.id() + " cannot be approved: ann drafted it and cannot also approve it");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(DRAFTED);
            assertThat(desk.casebook.draft(draft.id())).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.DRAFTED);
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"ANALYST", "LIAISON", "OVERSIGHT", "PARTNER"})
        void aRoleThatDoesNotApproveCannotApprove(Role role) {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            assertThatThrownBy(() -> desk.duty.approve(draft.id(), "someone-else", role))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(role.code() + " cannot approve warnings");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(DRAFTED);
            assertThat(desk.casebook.draft(draft.id())).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.DRAFTED);
        }

        @Test
        void aFacetLoweredWithoutJustificationBlocksApprovalAndTheObstacleNamesIt() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT,
                    Map.of(Facet.METHOD, Facet.METHOD.level("generic")), Map.of(), "analyst-1");

            assertThat(draft.draft().obstacles()).containsExactly(
                    "method is released at generic, below the ceiling specific, without a justification");
            assertThatThrownBy(() -> desk.duty.approve(draft.id(), "approver-1", Role.APPROVER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be approved")
                    .hasMessageContaining("method is released at generic");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(DRAFTED);
            assertThat(desk.events("approval-refused")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(draft.id());
                assertThat(e.summary()).contains("method");
            });
        }

        @Test
        void aFacetLoweredWithJustificationCanBeApprovedAndTheWarningCarriesTheJustification() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT,
                    Map.of(Facet.METHOD, Facet.METHOD.level("generic")),
                    Map.of(Facet.METHOD, Justification.SOURCES_AND_METHODS), "analyst-1");

            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            Warning warning = desk.duty.issue(draft.id(), "approver-1");

            assertThat(draft.draft().released().get(Facet.METHOD)).isEqualTo(Facet.METHOD.level("generic"));
            assertThat(warning.justifications()).containsExactly(Map.entry(Facet.METHOD, Justification.SOURCES_AND_METHODS));
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
        }

        @Test
        void aTextThatWouldLeakStepsTheFacetDownWithTheLeakCheckAsJustification() {
            ThreatReport leaky = Desk.withProtected(
                    Desk.withStatement(R1_UNMARKED, Facet.METHOD, "specific", "armed assault on an audience, as NIGHTJAR reported"),
                    new ProtectedMaterial(List.of(), List.of(), List.of("nightjar")), List.of());
            Desk desk = Desk.crocus();
            desk.duty.receive(leaky, "analyst-1");

            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            assertThat(draft.draft().released().get(Facet.METHOD)).isEqualTo(Facet.METHOD.level("generic"));
            assertThat(draft.draft().justifications()).containsExactly(Map.entry(Facet.METHOD, Justification.LEAK_CHECK));
            assertThat(draft.draft().text()).doesNotContainIgnoringCase("nightjar").contains("attack");
            assertThat(draft.draft().obstacles()).isEmpty();
            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(APPROVED);
        }

        @Test
        void aDraftIsApprovedOnlyOnce() {
            Desk desk = approvedForAuthorities();
            String draftId = desk.casebook.drafts().iterator().next().id();

            assertThatThrownBy(() -> desk.duty.approve(draftId, "director-1", Role.DIRECTOR))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draftId + " is approved, not drafted");
        }

        @Test
        void aNewDraftCancelsTheOutdatedOneSoItCanNeverBeIssued() {
            Desk desk = received();
            DraftRecord first = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            DraftRecord second = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            assertThat(desk.events("draft-cancelled")).singleElement()
                    .satisfies(e -> assertThat(e.summary()).isEqualTo("draft " + first.id() + " is superseded by " + second.id()));
            desk.duty.approve(second.id(), "approver-1", Role.APPROVER);
            Warning issued = desk.duty.issue(second.id(), "approver-1");

            assertThatThrownBy(() -> desk.duty.approve(first.id(), "approver-2", Role.APPROVER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + first.id() + " is cancelled, not drafted");
            assertThat(desk.casebook.draft(first.id())).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.CANCELLED);
            assertThatThrownBy(() -> desk.duty.issue(first.id(), "approver-2")).isInstanceOf(IllegalStateException.class);
            assertThat(desk.casebook.warnings()).containsExactly(issued);
            assertThat(desk.casebook.warningsTo("R-1", "ru-authorities")).containsExactly(issued);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aCancelledDraftIsNeverApprovedAndItsObligationsWaitForTheNextDraft() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            DraftRecord cancelled = desk.duty.cancel(draft.id(), "analyst-2");

            assertThat(cancelled.status()).isEqualTo(DraftRecord.Status.CANCELLED);
            assertThat(desk.casebook.draft(draft.id())).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.CANCELLED);
            assertThat(desk.events("draft-cancelled")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(draft.id());
                assertThat(e.actor()).isEqualTo("analyst-2");
                assertThat(e.summary()).isEqualTo("draft " + draft.id() + " cancelled by analyst-2");
            });
            assertThatThrownBy(() -> desk.duty.approve(draft.id(), "approver-1", Role.APPROVER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draft.id() + " is cancelled, not drafted");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(DRAFTED);

            DraftRecord next = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.duty.approve(next.id(), "approver-1", Role.APPROVER);
            desk.duty.issue(next.id(), "approver-1");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
        }

        @Test
        void anApprovedDraftWhoseObligationsStandApprovedIsNotCancelled() {
            Desk desk = approvedForAuthorities();
            String draftId = desk.casebook.drafts().iterator().next().id();

            assertThatThrownBy(() -> desk.duty.cancel(draftId, "director-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draftId + " cannot be cancelled: R-1/ru-authorities is approved through it, "
                            + "and approved cannot go back to drafted (allowed from approved: issued, waiver-requested, "
                            + "overdue, closed); issue the draft, or request a waiver");
            assertThat(desk.casebook.draft(draftId)).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.APPROVED);
            assertThat(desk.events("draft-cancelled")).isEmpty();
        }

        @Test
        void anApprovedDraftIsCancelledOnceItsObligationsHaveMovedOn() {
            Desk desk = approvedForAuthorities();
            String draftId = desk.casebook.drafts().iterator().next().id();
            notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);

            desk.duty.cancel(draftId, "director-1");

            assertThat(desk.casebook.draft(draftId)).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.CANCELLED);
            assertThatThrownBy(() -> desk.duty.issue(draftId, "director-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draftId + " is cancelled, not approved");
        }

        @Test
        void anApprovedRenewalIsCancelledWithoutTouchingTheObligation() {
            Desk desk = approvedForAuthorities();
            Warning warning = desk.duty.issue(desk.casebook.drafts().iterator().next().id(), "approver-1");
            DraftRecord renewal = desk.duty.draftRenewal(warning.id(), "analyst-1");
            desk.duty.approve(renewal.id(), "approver-1", Role.APPROVER);

            desk.duty.cancel(renewal.id(), "approver-1");

            assertThat(desk.casebook.draft(renewal.id())).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.CANCELLED);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
        }

        @Test
        void anIssuedOrCancelledDraftIsNotCancelled() {
            Desk desk = approvedForAuthorities();
            String draftId = desk.casebook.drafts().iterator().next().id();
            desk.duty.issue(draftId, "approver-1");

            assertThatThrownBy(() -> desk.duty.cancel(draftId, "approver-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draftId + " is issued; only a drafted or approved draft can be cancelled");

            Desk other = received();
            DraftRecord draft = other.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            other.duty.cancel(draft.id(), "analyst-1");
            assertThatThrownBy(() -> other.duty.cancel(draft.id(), "analyst-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draft.id() + " is cancelled; only a drafted or approved draft can be cancelled");
            assertThat(other.events("draft-cancelled")).hasSize(1);
        }

        @Test
        void anUnknownDraftIsNotCancelled() {
            Desk desk = received();

            assertThatThrownBy(() -> desk.duty.cancel("D-99", "analyst-1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no draft D-99");
        }
    }

    @Nested
    class Issuing {

        @Test
        void aWarningIsValidForThePolicyPeriod() {
            Desk desk = approvedForAuthorities().later(Duration.ofHours(1));
            String draftId = desk.casebook.drafts().iterator().next().id();

            Warning warning = desk.duty.issue(draftId, "approver-1");

            Instant issuedAt = RECEIVED.plus(Duration.ofHours(1));
            assertThat(warning.issuedAt()).isEqualTo(issuedAt);
            assertThat(warning.validity()).isEqualTo(new TimeWindow(issuedAt, issuedAt.plus(Duration.ofDays(7))));
            assertThat(warning.partyIds()).containsExactly("ru-authorities");
            assertThat(warning.audience()).isEqualTo(FOREIGN_GOVERNMENT);
            assertThat(warning.text()).isEqualTo(desk.casebook.draft(draftId).orElseThrow().draft().text());
            assertThat(warning.renews()).isEmpty();
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
            assertThat(desk.obligation(AUTHORITIES_OBLIGATION).history()).last()
                    .extracting(Transition::note).isEqualTo("warning " + warning.id());
            assertThat(desk.casebook.draft(draftId)).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.ISSUED);
            assertThat(desk.events("warning-issued")).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo(warning.id());
                assertThat(e.summary()).contains("valid until 2024-03-14 09:00 +03:00");
            });
        }

        @Test
        void aWarningIsNeverValidPastTheThreatWindow() {
            Desk desk = approvedForAuthorities().at("2024-03-25T00:00:00Z");
            String draftId = desk.casebook.drafts().iterator().next().id();

            Warning warning = desk.duty.issue(draftId, "approver-1");

            assertThat(warning.validity().to()).isEqualTo(WINDOW_END);
            assertThat(warning.isValidAt(WINDOW_END.minusSeconds(1))).isTrue();
            assertThat(warning.isValidAt(WINDOW_END)).isFalse();
        }

        @Test
        void nothingIsIssuedOnceTheThreatWindowHasEnded() {
            Desk desk = approvedForAuthorities().at(WINDOW_END);
            String draftId = desk.casebook.drafts().iterator().next().id();

            assertThatThrownBy(() -> desk.duty.issue(draftId, "approver-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the threat window of R-1 ended at 2024-03-31 00:00 +03:00; there is nothing left to warn of");
            assertThat(desk.casebook.warnings()).isEmpty();
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(APPROVED);
        }

        @Test
        void aDraftWhoseOnlyObligationHasMovedOnIsNotIssuedAndLeavesNoWarning() {
            Desk desk = approvedForAuthorities();
            String draftId = desk.casebook.drafts().iterator().next().id();
            notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);

            assertThatThrownBy(() -> desk.duty.issue(draftId, "approver-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draftId + " answers no obligation that can move to issued "
                            + "(R-1/ru-authorities is waiver-requested)");
            assertThat(desk.casebook.warnings()).isEmpty();
            assertThat(desk.events("warning-issued")).isEmpty();
            assertThat(desk.casebook.draft(draftId)).get().extracting(DraftRecord::status)
                    .isEqualTo(DraftRecord.Status.APPROVED);
        }

        @Test
        void anUnapprovedDraftIsNotIssued() {
            Desk desk = received();
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            assertThatThrownBy(() -> desk.duty.issue(draft.id(), "analyst-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("draft " + draft.id() + " is drafted, not approved");
            assertThat(desk.casebook.warnings()).isEmpty();
        }

        @Test
        void aWarningIsDeliveredAndAcknowledged() {
            Desk desk = approvedForAuthorities();
            desk.duty.issue(desk.casebook.drafts().iterator().next().id(), "approver-1");

            Obligation delivered = desk.later(Duration.ofHours(1)).duty.deliver(AUTHORITIES_OBLIGATION, "liaison-1", "liaison");
            Obligation acknowledged = desk.later(Duration.ofHours(1)).duty.acknowledge(AUTHORITIES_OBLIGATION, "liaison-1");

            assertThat(delivered.state()).isEqualTo(DELIVERED);
            assertThat(acknowledged.state()).isEqualTo(ACKNOWLEDGED);
            assertThat(acknowledged.history()).extracting(Transition::to, Transition::actor, Transition::at).endsWith(
                    tuple(DELIVERED, "liaison-1", RECEIVED.plus(Duration.ofHours(1))),
                    tuple(ACKNOWLEDGED, "liaison-1", RECEIVED.plus(Duration.ofHours(2))));
            assertThat(desk.events("warning-delivered")).singleElement().extracting(TimelineEntry::summary)
                    .isEqualTo("warning delivered to ru-authorities over liaison");
            assertThat(desk.events("warning-acknowledged")).singleElement().extracting(TimelineEntry::summary)
                    .isEqualTo("ru-authorities acknowledged the warning");
        }

        @Test
        void aDeliveryLiaisonRecordsAfterTheFirstIsLedgeredAndMovesNothing() {
            Desk desk = approvedForAuthorities();
            desk.duty.issue(desk.casebook.drafts().iterator().next().id(), "approver-1");
            desk.later(Duration.ofHours(1)).duty.deliver(AUTHORITIES_OBLIGATION, DutyToWarn.SCHEDULER, "email");

            // the outbox's settling of a second contact point is refused, as a node racing another must be
            assertThatThrownBy(() -> desk.duty.deliver(AUTHORITIES_OBLIGATION, DutyToWarn.SCHEDULER, "webhook"))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("from delivered to delivered");
            Obligation again = desk.later(Duration.ofMinutes(10)).duty.recordDelivery(AUTHORITIES_OBLIGATION, "liaison-1",
                    "liaison");
            desk.duty.acknowledge(AUTHORITIES_OBLIGATION, "liaison-1");
            Obligation late = desk.later(Duration.ofMinutes(10)).duty.recordDelivery(AUTHORITIES_OBLIGATION, "liaison-2",
                    "phone");

            assertThat(again.state()).isEqualTo(DELIVERED);
            assertThat(late.state()).isEqualTo(ACKNOWLEDGED);
            assertThat(desk.obligation(AUTHORITIES_OBLIGATION).history()).extracting(Transition::to)
                    .containsOnlyOnce(DELIVERED).endsWith(DELIVERED, ACKNOWLEDGED);
            assertThat(desk.events("warning-delivered")).extracting(TimelineEntry::actor, TimelineEntry::summary).containsExactly(
                    tuple(DutyToWarn.SCHEDULER, "warning delivered to ru-authorities over email"),
                    tuple("liaison-1", "warning delivered to ru-authorities over liaison; it was delivered already"),
                    tuple("liaison-2", "warning delivered to ru-authorities over phone; it was acknowledged already"));
        }

        @Test
        void nothingIsDeliveredBeforeItIsIssuedNorAcknowledgedBeforeItIsDelivered() {
            Desk desk = approvedForAuthorities();

            assertThatThrownBy(() -> desk.duty.deliver(AUTHORITIES_OBLIGATION, "liaison-1", "liaison"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("from approved to delivered");
            desk.duty.issue(desk.casebook.drafts().iterator().next().id(), "approver-1");
            assertThatThrownBy(() -> desk.duty.acknowledge(AUTHORITIES_OBLIGATION, "liaison-1"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("from issued to acknowledged");
            assertThat(desk.events("warning-delivered")).isEmpty();
            assertThat(desk.events("warning-acknowledged")).isEmpty();
        }
    }

    @Nested
    class Waivers {

        @Test
        void anApprovedWaiverEndsTheObligation() {
            Desk desk = received();

            Waiver requested = notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);

            Waiver decided = desk.later(Duration.ofMinutes(30)).duty.decideWaiver(requested.id(), true, "approver-1",
                    Role.APPROVER, "they told us first");

            assertThat(decided.isApproved()).isTrue();
            assertThat(decided.decision()).get().extracting(Waiver.Decision::decidedBy, Waiver.Decision::at)
                    .containsExactly("approver-1", RECEIVED.plus(Duration.ofMinutes(30)));
            assertThat(desk.casebook.waiver(requested.id())).contains(decided);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVED);
            assertThat(desk.obligation(AUTHORITIES_OBLIGATION).history()).extracting(Transition::to, Transition::actor)
                    .containsExactly(tuple(OPEN, "analyst-1"), tuple(WAIVER_REQUESTED, "analyst-1"),
                            tuple(WAIVED, "approver-1"));
            assertThat(desk.eventTypes()).endsWith("waiver-requested", "waiver-approved");
        }

        @Test
        void aRejectedWaiverSendsTheObligationBackToOpen() {
            Desk desk = received();
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.NO_REASONABLE_WAY_TO_WARN);

            Waiver decided = desk.duty.decideWaiver(requested.id(), false, "approver-1", Role.APPROVER, "use liaison");

            assertThat(decided.isApproved()).isFalse();
            assertThat(decided.decision()).isPresent();
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(OPEN);
            assertThat(desk.obligation(AUTHORITIES_OBLIGATION).history()).extracting(Transition::to)
                    .containsExactly(OPEN, WAIVER_REQUESTED, WAIVER_REJECTED, OPEN);
            assertThat(desk.events("waiver-rejected")).singleElement().extracting(TimelineEntry::subject)
                    .isEqualTo(requested.id());
            // and the work goes on
            desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(DRAFTED);
        }

        @Test
        void anApprovalThatBreaksARuleIsRefusedAndTheRequestStands() {
            Desk desk = received();
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.VICTIM_PARTY_TO_VIOLENCE);

            assertThatThrownBy(() -> desk.duty.decideWaiver(requested.id(), true, "approver-1", Role.APPROVER, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("waiver " + requested.id() + " cannot be approved: a waiver citing "
                            + "victim-party-to-violence must be approved by director, not approver");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);
            assertThat(desk.casebook.waiver(requested.id())).get().extracting(Waiver::decision)
                    .isEqualTo(Optional.empty());
            assertThat(desk.events("waiver-approved")).isEmpty();

            desk.duty.decideWaiver(requested.id(), true, "director-1", Role.DIRECTOR, "");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVED);
        }

        @Test
        void theSourcesAndMethodsGroundWithoutAnAlternativeIsRefusedEvenToTheDirector() {
            Desk desk = received();
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL);

            assertThatThrownBy(() -> desk.duty.decideWaiver(requested.id(), true, "director-1", Role.DIRECTOR, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must record the alternative action taken");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);
        }

        @Test
        void theRequesterCannotApproveNorRejectTheirOwnWaiver() {
            Desk desk = received();
            Waiver requested = desk.duty.requestWaiver(AUTHORITIES_OBLIGATION, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.NOT_WARNED, "approver-1", Role.APPROVER, Optional.empty());

            assertThatThrownBy(() -> desk.duty.decideWaiver(requested.id(), true, "approver-1", Role.APPROVER, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("approver-1 requested this waiver and cannot also approve it");
            assertThatThrownBy(() -> desk.duty.decideWaiver(requested.id(), false, "approver-1", Role.APPROVER, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot also decide it");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);
        }

        @Test
        void aWaiverIsDecidedOnlyOnce() {
            Desk desk = received();
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);
            desk.duty.decideWaiver(requested.id(), true, "approver-1", Role.APPROVER, "");

            assertThatThrownBy(() -> desk.duty.decideWaiver(requested.id(), false, "director-1", Role.DIRECTOR, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("waiver " + requested.id() + " has already been decided");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVED);
        }

        @Test
        void aWaivedObligationIsNotDraftedNorWaivedAgain() {
            Desk desk = received();
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);
            desk.duty.decideWaiver(requested.id(), true, "approver-1", Role.APPROVER, "");

            assertThatThrownBy(() -> desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1"))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(desk.casebook.waivers()).hasSize(1);
        }

        @Test
        void aWaiverAskedForAfterDraftingLeavesThatPartyOutOfTheApproval() {
            Desk desk = new Desk(List.of(AUTHORITIES, OBLAST_AUTHORITIES));
            desk.duty.receive(R1_UNMARKED, "analyst-1");
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);

            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            Warning warning = desk.duty.issue(draft.id(), "approver-1");

            assertThat(desk.state("R-1/moscow-oblast-authorities")).isEqualTo(ISSUED);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);
            assertThat(warning.partyIds()).containsExactly("moscow-oblast-authorities");
        }

        @Test
        void aWaiverAskedForAfterApprovalDoesNotHoldUpTheWarningToTheOthers() {
            Desk desk = new Desk(List.of(AUTHORITIES, OBLAST_AUTHORITIES));
            desk.duty.receive(R1_UNMARKED, "analyst-1");
            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            Waiver requested = notToWarnAuthorities(desk, WaiverReason.VICTIM_ALREADY_AWARE);

            Warning warning = desk.duty.issue(draft.id(), "approver-1");

            assertThat(warning.partyIds()).containsExactly("moscow-oblast-authorities");
            assertThat(desk.state("R-1/moscow-oblast-authorities")).isEqualTo(ISSUED);
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVER_REQUESTED);
            assertThat(desk.casebook.warningsTo("R-1", "ru-authorities")).isEmpty();
            desk.duty.decideWaiver(requested.id(), true, "approver-2", Role.APPROVER, "");
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(WAIVED);
        }
    }

    @Nested
    class EqualTreatment {

        @Test
        void partiesOfOneAudienceGetOneDraftAndOneWarning() {
            Desk desk = new Desk(List.of(AUTHORITIES, OBLAST_AUTHORITIES));
            desk.duty.receive(R1_UNMARKED, "analyst-1");

            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            Warning warning = desk.duty.issue(draft.id(), "approver-1");

            assertThat(draft.obligationIds()).containsExactly(AUTHORITIES_OBLIGATION, "R-1/moscow-oblast-authorities");
            assertThat(warning.partyIds()).containsExactly("ru-authorities", "moscow-oblast-authorities");
            assertThat(desk.casebook.warningsTo("R-1", "ru-authorities"))
                    .isEqualTo(desk.casebook.warningsTo("R-1", "moscow-oblast-authorities"));
            assertThat(desk.state(AUTHORITIES_OBLIGATION)).isEqualTo(ISSUED);
            assertThat(desk.state("R-1/moscow-oblast-authorities")).isEqualTo(ISSUED);
        }

        @ParameterizedTest
        @EnumSource(Relationship.class)
        void theRelationshipDoesNotChangeTheDraft(Relationship relationship) {
            Desk adversarial = new Desk(List.of(AUTHORITIES));
            Desk other = new Desk(List.of(Parties.withRelationship(AUTHORITIES, relationship)));
            adversarial.duty.receive(R1_UNMARKED, "analyst-1");
            other.duty.receive(R1_UNMARKED, "analyst-1");

            DraftRecord asAdversary = adversarial.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            DraftRecord asOther = other.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");

            assertThat(asOther.draft().released()).isEqualTo(asAdversary.draft().released());
            assertThat(asOther.draft().specificity()).isEqualTo(asAdversary.draft().specificity());
            assertThat(asOther.draft().text()).isEqualTo(asAdversary.draft().text());
            assertThat(asOther.draft().justifications()).isEqualTo(asAdversary.draft().justifications());
            assertThat(asOther.draft().released())
                    .isEqualTo(levels("locality", "month", "class", "specific", "named"));
        }

        @Test
        void anAllyAndAnAdversaryOfOneAudienceGetTheSameLevelsWhenTheLeakCheckStepsDown() {
            ThreatReport leaky = Desk.withProtected(
                    Desk.withStatement(R1_UNMARKED, Facet.ACTOR, "named", "the cell NIGHTJAR watches"),
                    new ProtectedMaterial(List.of(), List.of(), List.of("nightjar")), List.of());
            Desk desk = new Desk(List.of(AUTHORITIES, OBLAST_AUTHORITIES));
            desk.duty.receive(leaky, "analyst-1");

            DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
            desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
            Warning warning = desk.duty.issue(draft.id(), "approver-1");

            assertThat(warning.partyIds()).containsExactly("ru-authorities", "moscow-oblast-authorities");
            assertThat(warning.released()).isEqualTo(levels("locality", "month", "class", "specific", "type"));
            assertThat(warning.justifications()).containsExactly(Map.entry(Facet.ACTOR, Justification.LEAK_CHECK));
        }

        @Test
        void audiencesWithTheSameCeilingGetTheSameDraft() {
            Desk desk = received();

            DraftRecord citizens = desk.duty.draft("R-1", OWN_CITIZENS, "analyst-1");
            DraftRecord publicDraft = desk.duty.draft("R-1", new Audience("public"), "analyst-1");

            assertThat(publicDraft.draft().released()).isEqualTo(citizens.draft().released());
            assertThat(publicDraft.draft().text()).isEqualTo(citizens.draft().text());
        }
    }

    @Test
    void theWholeFlowLeavesEveryStepOnTheTimeline() {
        Desk desk = received();
        DraftRecord draft = desk.duty.draft("R-1", OWN_CITIZENS, "analyst-1");
        desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
        desk.duty.issue(draft.id(), "approver-1");
        desk.duty.deliver(CITIZENS_OBLIGATION, "liaison-1", "registrant alert");
        desk.duty.acknowledge(CITIZENS_OBLIGATION, "liaison-1");

        assertThat(desk.eventTypes()).containsExactly("report-received", "obligation-opened", "obligation-opened",
                "obligation-opened", "obligation-opened", "warning-drafted", "draft-approved", "warning-issued",
                "warning-delivered", "warning-acknowledged");
        assertThat(desk.obligation(CITIZENS_OBLIGATION).history()).extracting(Transition::to)
                .containsExactly(OPEN, DRAFTED, APPROVED, ISSUED, DELIVERED, ACKNOWLEDGED);
        assertThat(desk.obligation(CITIZENS_OBLIGATION).history()).allSatisfy(t ->
                assertThat(t.policyVersion()).isEqualTo(3));
    }
}
