package io.forewarn.review;

import io.forewarn.incident.Incident;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.sanitize.Justification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.place.Places.circle;
import static io.forewarn.place.Places.place;
import static io.forewarn.review.Casework.CITIZENS_MOSCOW;
import static io.forewarn.review.Casework.CITIZENS_RU;
import static io.forewarn.review.Casework.FOREIGN_GOVERNMENT;
import static io.forewarn.review.Casework.OWN_CITIZENS;
import static io.forewarn.review.Casework.RU_AUTHORITIES;
import static io.forewarn.review.Casework.codes;
import static io.forewarn.review.Casework.crocusAttack;
import static io.forewarn.review.Casework.incident;
import static io.forewarn.Crocus.moscow;
import static io.forewarn.review.Casework.obligation;
import static io.forewarn.review.FindingCode.AFFECTED_PARTY_NEVER_WARNED;
import static io.forewarn.review.FindingCode.BELOW_CEILING_WITHOUT_JUSTIFICATION;
import static io.forewarn.review.FindingCode.EXPIRED_UNWARNED;
import static io.forewarn.review.FindingCode.INCIDENT_COVERED;
import static io.forewarn.review.FindingCode.LATE_WARNING;
import static io.forewarn.review.FindingCode.RENEWAL_MISSED;
import static io.forewarn.review.FindingCode.UNEQUAL_SPECIFICITY;
import static io.forewarn.review.FindingCode.WAIVER_IMPROPER;
import static io.forewarn.review.FindingCode.WAIVER_WITHOUT_ALTERNATIVE;
import static io.forewarn.review.FindingCode.WARNING_EXPIRED_BEFORE_INCIDENT;
import static io.forewarn.review.FindingCode.WARNING_NOT_DELIVERED;
import static io.forewarn.sanitize.Ceilings.levels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each finding of the after-action review, produced and not produced, through the real workflow:
 * {@link Casework} receives R-1 under the default policy (warnings valid 7 days, renewal due 6 hours
 * before expiry, deadline 12:00 on 7 March) and the incident is the attack on Crocus City Hall.
 */
class AfterActionReviewTest {

    private final Casework casework = new Casework();

    @Nested
    class Correlation {

        @Test
        void anIncidentInTheWindowAndPlaceAgainstTheTargetCorrelatesAndEveryAffectedPartyIsACase() {
            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(review.correlations()).singleElement().satisfies(correlation -> {
                assertThat(correlation.reportId()).isEqualTo("R-1");
                assertThat(correlation.reason())
                        .contains("the incident falls in the threat window 2024-03-07 00:00 +03:00 to 2024-03-31 00:00 +03:00")
                        .contains("Crocus City Hall (site, radius 0.4 km) lies 16.2 km from the centre of Moscow")
                        .contains("target: concert hall is one of the concert halls");
            });
            assertThat(review.cases()).extracting(c -> c.party().id())
                    .containsExactly(CITIZENS_MOSCOW, CITIZENS_RU, RU_AUTHORITIES);
        }

        @Test
        void anIncidentAfterTheThreatWindowCorrelatesWithNothingAndYieldsNoFindings() {
            Review review = casework.at("2024-04-05T12:00").review(crocusAttack("2024-04-05T11:00"));

            assertThat(review.correlations()).isEmpty();
            assertThat(review.cases()).isEmpty();
            assertThat(review.findings()).isEmpty();
        }

        @Test
        void anIncidentFarAwayCorrelatesWithNothingAndYieldsNoFindings() {
            Incident stPetersburg = incident("2024-03-22T19:58", place()
                    .site("Oktyabrsky Concert Hall", circle(59.931, 30.361, 0.3)).locality("Saint Petersburg")
                    .country("RU").build(), "concert hall");

            Review review = casework.at("2024-03-22T20:00").review(stPetersburg);

            assertThat(review.correlations()).isEmpty();
            assertThat(review.findings()).isEmpty();
        }

        @Test
        void anIncidentAgainstAnotherKindOfTargetCorrelatesWithNothing() {
            Incident synagogue = incident("2024-03-22T19:58", place()
                    .site("Moscow Choral Synagogue", circle(55.755, 37.636, 0.1)).locality("Moscow").build(), "synagogue");

            Review review = casework.at("2024-03-22T20:00").review(synagogue);

            assertThat(review.correlations()).isEmpty();
            assertThat(review.findings()).isEmpty();
        }

        @Test
        void aReportReceivedAfterTheIncidentDidNotForetellIt() {
            // the window opened at midnight, the report came in at 08:00
            Review review = casework.at("2024-03-07T09:00").review(crocusAttack("2024-03-07T07:00"));

            assertThat(review.correlations()).isEmpty();
            assertThat(review.findings()).isEmpty();
        }

        @Test
        void warningsIssuedAfterTheIncidentDoNotCount() {
            casework.at("2024-03-07T11:30").warn(OWN_CITIZENS);

            Review review = casework.review(crocusAttack("2024-03-07T11:00"));

            assertThat(review.cases()).filteredOn(c -> c.party().id().equals(CITIZENS_MOSCOW))
                    .singleElement().satisfies(c -> assertThat(c.warnings()).isEmpty());
            assertThat(codes(review, CITIZENS_MOSCOW)).contains(AFFECTED_PARTY_NEVER_WARNED)
                    .doesNotContain(INCIDENT_COVERED, LATE_WARNING);
        }
    }

    @Nested
    class AffectedPartyNeverWarned {

        @Test
        void isFoundForAnAffectedPartyThatGotNoWarning() {
            casework.at("2024-03-07T10:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).contains(AFFECTED_PARTY_NEVER_WARNED);
            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).filteredOn(f -> f.code() == AFFECTED_PARTY_NEVER_WARNED)
                    .singleElement().satisfies(f -> assertThat(f.detail())
                            .startsWith("affected (jurisdiction: names: Moscow, Moscow Oblast, RU lies in country RU)")
                            .endsWith("obligation is escalated"));
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(AFFECTED_PARTY_NEVER_WARNED);
        }

        @Test
        void isNotFoundWhenAnApprovedWaiverExcusedWarningThatParty() {
            casework.at("2024-03-07T10:00").waiver(RU_AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.NOT_WARNED, Optional.empty(), true);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).doesNotContain(AFFECTED_PARTY_NEVER_WARNED);
            assertThat(codes(review, CITIZENS_MOSCOW)).as("the waiver covers only its party")
                    .contains(AFFECTED_PARTY_NEVER_WARNED);
        }

        @Test
        void isFoundWhenTheWaiverWasRejected() {
            casework.at("2024-03-07T10:00").waiver(RU_AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.NOT_WARNED, Optional.empty(), false);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).contains(AFFECTED_PARTY_NEVER_WARNED);
        }

        @Test
        void isFoundWhenTheWaiverWasApprovedOnlyAfterTheIncident() {
            var requested = casework.at("2024-03-07T10:00").duty.requestWaiver(obligation(RU_AUTHORITIES),
                    WaiverReason.VICTIM_ALREADY_AWARE, Waiver.Scope.NOT_WARNED, Casework.ANALYST,
                    io.forewarn.policy.Role.ANALYST, Optional.empty());
            casework.at("2024-03-23T10:00").duty.decideWaiver(requested.id(), true, Casework.APPROVER,
                    io.forewarn.policy.Role.APPROVER, "decided the day after");

            Review review = casework.review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).contains(AFFECTED_PARTY_NEVER_WARNED);
        }
    }

    @Nested
    class WarningExpiredBeforeIncident {

        @Test
        void isFoundWhenTheOnlyWarningExpiredWhileTheThreatWindowStillRan() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(warning.validity().to()).isEqualTo(moscow("2024-03-14T09:00"));
            assertThat(codes(review, CITIZENS_MOSCOW)).contains(WARNING_EXPIRED_BEFORE_INCIDENT)
                    .doesNotContain(INCIDENT_COVERED, AFFECTED_PARTY_NEVER_WARNED);
            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW))
                    .filteredOn(f -> f.code() == WARNING_EXPIRED_BEFORE_INCIDENT).singleElement()
                    .satisfies(f -> assertThat(f.detail()).isEqualTo("last warning " + warning.id()
                            + " expired at 2024-03-14 09:00 +03:00, 8 days before the incident, while the threat "
                            + "window ran until 2024-03-31 00:00 +03:00"));
        }

        @Test
        void isFoundWhenTheWarningThatWouldHaveCoveredTheIncidentWasCancelledBeforeIt() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-07T10:00").delivered(CITIZENS_MOSCOW);
            casework.at("2024-03-09T12:00").duty.cancelWarning(warning.id(), "judged stale", "approver-b",
                    io.forewarn.policy.Role.APPROVER);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(warning.validity().contains(moscow("2024-03-10T19:58"))).as("valid as issued").isTrue();
            assertThat(codes(review, CITIZENS_MOSCOW)).contains(WARNING_EXPIRED_BEFORE_INCIDENT)
                    .doesNotContain(INCIDENT_COVERED);
            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW))
                    .filteredOn(f -> f.code() == WARNING_EXPIRED_BEFORE_INCIDENT).singleElement()
                    .satisfies(f -> assertThat(f.detail()).isEqualTo("last warning " + warning.id()
                            + " was cancelled at 2024-03-09 12:00 +03:00, 31 hours before the incident, while the threat "
                            + "window ran until 2024-03-31 00:00 +03:00"));
        }

        @Test
        void isNotFoundWhenARenewalWasValidAtTheIncident() {
            Warning first = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-14T05:00").renew(first);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(WARNING_EXPIRED_BEFORE_INCIDENT);
        }

        @Test
        void isNotFoundByTheRuleWhenTheIncidentFellOutsideTheThreatWindow() {
            // Through the workflow such an incident correlates with nothing (see Correlation); the
            // rule itself also holds back: an expiry after the threat is over is no failure.
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            Review inWindow = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));
            PartyCase citizens = caseOf(inWindow, CITIZENS_MOSCOW);
            PartyCase outsideWindow = new PartyCase(crocusAttack("2024-03-31T19:58"), citizens.report(),
                    citizens.party(), citizens.obligation(), citizens.effectiveCeiling(), citizens.warnings(),
                    citizens.waivers(), citizens.policy(), citizens.zone(), citizens.gazetteer());

            assertThat(FindingRules.expiredBeforeIncident(citizens, List.of())).extracting(Finding::code)
                    .containsExactly(WARNING_EXPIRED_BEFORE_INCIDENT);
            assertThat(FindingRules.expiredBeforeIncident(outsideWindow, List.of())).isEmpty();
        }
    }

    @Nested
    class RenewalMissed {

        @Test
        void isFoundWhenAWarningExpiredWithTheWindowOpenAndNoRenewalWasIssued() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(casework.casebook.events()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo("renewal-due");
                assertThat(event.at()).isEqualTo(moscow("2024-03-14T03:00"));
            });
            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).filteredOn(f -> f.code() == RENEWAL_MISSED)
                    .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("warning " + warning.id()
                            + " expired at 2024-03-14 09:00 +03:00 with the threat window open; renewal was due from "
                            + "2024-03-14 03:00 +03:00 and none was issued before expiry"));
        }

        @Test
        void isNotFoundWhenARenewalWasIssuedBeforeExpiry() {
            Warning first = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            Warning renewal = casework.at("2024-03-14T04:00").renew(first);
            casework.at("2024-03-14T04:30").delivered(CITIZENS_MOSCOW);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(renewal.renews()).hasValue(first.id());
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(RENEWAL_MISSED);
            assertThat(codes(review, CITIZENS_MOSCOW)).contains(INCIDENT_COVERED);
        }

        @Test
        void isFoundWhenTheRenewalCameOnlyAfterExpiryEvenThoughItCoveredTheIncident() {
            Warning first = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-14T12:00").renew(first);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(codes(review, CITIZENS_MOSCOW)).contains(RENEWAL_MISSED)
                    .doesNotContain(WARNING_EXPIRED_BEFORE_INCIDENT);
        }
    }

    @Nested
    class BelowCeilingWithoutJustification {

        /** The warning the Russian authorities got, as the Crocus scenario records it. */
        private final Map<Facet, Level> generalWarning = levels("locality", "none", "category", "generic", "type");

        @Test
        void isFoundForAWarningLessSpecificThanTheEffectiveCeilingWithoutJustification() {
            casework.at("2024-03-07T09:00").recordedWarning(RU_AUTHORITIES, generalWarning, Map.of());

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(review.findingsFor("R-1", RU_AUTHORITIES))
                    .filteredOn(f -> f.code() == BELOW_CEILING_WITHOUT_JUSTIFICATION).singleElement()
                    .satisfies(f -> assertThat(f.detail()).isEqualTo(
                            "released below the effective ceiling without justification: W-1 time none < month, "
                                    + "W-1 target category < class, W-1 method generic < specific, W-1 actor type < named"));
        }

        @Test
        void isNotFoundWhenEveryGapIsJustified() {
            Map<Facet, Justification> justified = new EnumMap<>(Facet.class);
            for (Facet facet : List.of(Facet.TIME, Facet.TARGET, Facet.METHOD, Facet.ACTOR)) {
                justified.put(facet, Justification.SOURCES_AND_METHODS);
            }
            casework.at("2024-03-07T09:00").warn(FOREIGN_GOVERNMENT, generalWarning, justified);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(caseOf(review, RU_AUTHORITIES).warnings()).singleElement()
                    .satisfies(w -> assertThat(w.released()).isEqualTo(generalWarning));
            assertThat(codes(review, RU_AUTHORITIES)).doesNotContain(BELOW_CEILING_WITHOUT_JUSTIFICATION);
        }

        @Test
        void isFoundWhenOnlySomeGapsAreJustified() {
            casework.at("2024-03-07T09:00").recordedWarning(RU_AUTHORITIES, generalWarning,
                    Map.of(Facet.TIME, Justification.DETAIL_UNCONFIRMED, Facet.TARGET, Justification.SOURCES_AND_METHODS));

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(review.findingsFor("R-1", RU_AUTHORITIES))
                    .filteredOn(f -> f.code() == BELOW_CEILING_WITHOUT_JUSTIFICATION).singleElement()
                    .satisfies(f -> assertThat(f.detail()).endsWith("W-1 method generic < specific, W-1 actor type < named"));
        }

        @Test
        void isNotFoundWhenALessSpecificWaiverWasApproved() {
            casework.at("2024-03-07T08:30").waiver(RU_AUTHORITIES, WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                    Waiver.Scope.LESS_SPECIFIC, Optional.of("general warning through liaison"), true);
            casework.at("2024-03-07T09:00").recordedWarning(RU_AUTHORITIES, generalWarning, Map.of());

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).doesNotContain(BELOW_CEILING_WITHOUT_JUSTIFICATION);
        }

        @Test
        void isNotFoundForAWarningAtTheCeiling() {
            casework.at("2024-03-07T09:00").warn(FOREIGN_GOVERNMENT);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).doesNotContain(BELOW_CEILING_WITHOUT_JUSTIFICATION);
        }
    }

    @Nested
    class UnequalSpecificity {

        /** Country, month, category, generic, type: justified, so only the inequality remains. */
        private final Map<Facet, Level> vaguer = levels("country", "month", "category", "generic", "type");
        private final Map<Facet, Justification> justified = Map.of(
                Facet.PLACE, Justification.SOURCES_AND_METHODS, Facet.TARGET, Justification.SOURCES_AND_METHODS);

        @Test
        void isFoundForThePartyThatGotLessThanAnotherOfItsAudience() {
            casework.at("2024-03-07T09:00").recordedWarning(CITIZENS_RU, vaguer, justified);
            Warning full = casework.warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(full.partyIds()).containsExactly(CITIZENS_MOSCOW);
            assertThat(review.findingsFor("R-1", CITIZENS_RU)).filteredOn(f -> f.code() == UNEQUAL_SPECIFICITY)
                    .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("warned at specificity 0.33 while "
                            + "citizens-moscow of the same audience got 0.53, with no waiver saying why"));
            assertThat(codes(review, CITIZENS_RU)).doesNotContain(BELOW_CEILING_WITHOUT_JUSTIFICATION);
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(UNEQUAL_SPECIFICITY);
        }

        @Test
        void isNotFoundWhenBothGotTheSameWarning() {
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, CITIZENS_RU)).doesNotContain(UNEQUAL_SPECIFICITY);
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(UNEQUAL_SPECIFICITY);
        }

        @Test
        void isNotFoundWhenALessSpecificWaiverSaysWhy() {
            casework.at("2024-03-07T08:30").waiver(CITIZENS_RU, WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                    Waiver.Scope.LESS_SPECIFIC, Optional.of("country-wide advisory instead"), true);
            casework.at("2024-03-07T09:00").recordedWarning(CITIZENS_RU, vaguer, justified);
            casework.warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, CITIZENS_RU)).doesNotContain(UNEQUAL_SPECIFICITY);
        }
    }

    @Nested
    class LateWarning {

        @Test
        void isFoundWhenTheFirstWarningWasIssuedAtTheDeadline() {
            Warning warning = casework.at("2024-03-07T12:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(caseOf(review, CITIZENS_MOSCOW).obligation().deadline()).isEqualTo(warning.issuedAt());
            assertThat(codes(review, CITIZENS_MOSCOW)).contains(LATE_WARNING);
            assertThat(codes(review, CITIZENS_RU)).contains(LATE_WARNING);
        }

        @Test
        void isFoundWhenTheFirstWarningWasIssuedAfterTheDeadline() {
            casework.at("2024-03-07T15:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).filteredOn(f -> f.code() == LATE_WARNING)
                    .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo(
                            "first warning W-1 issued at 2024-03-07 15:00 +03:00, not before the deadline 2024-03-07 12:00 +03:00"));
        }

        @Test
        void isNotFoundWhenTheWarningWasIssuedBeforeTheDeadline() {
            casework.at("2024-03-07T11:59").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(LATE_WARNING);
            assertThat(codes(review, CITIZENS_RU)).doesNotContain(LATE_WARNING);
        }
    }

    @Nested
    class WaiverWithoutAlternative {

        @Test
        void isFoundForASourcesAndMethodsWaiverThatRecordsNoAlternative() {
            Waiver waiver = casework.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Waiver.Scope.NOT_WARNED,
                    Optional.empty(), Casework.ANALYST, Casework.DIRECTOR, io.forewarn.policy.Role.DIRECTOR);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).extracting(Finding::code, Finding::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple(WAIVER_WITHOUT_ALTERNATIVE, "waiver " + waiver.id()
                            + " records no alternative action, which its ground requires"));
            assertThat(codes(review, RU_AUTHORITIES)).as("without its alternative the waiver excuses nothing")
                    .containsExactlyInAnyOrder(WAIVER_WITHOUT_ALTERNATIVE, WAIVER_IMPROPER, AFFECTED_PARTY_NEVER_WARNED);
        }

        @Test
        void isNotFoundWhenTheWaiverRecordsAnAlternative() {
            casework.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Waiver.Scope.NOT_WARNED,
                    Optional.of("general warning through liaison"), Casework.ANALYST, Casework.DIRECTOR, io.forewarn.policy.Role.DIRECTOR);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).isEmpty();
        }

        @Test
        void isFoundForAnyGroundThePolicySaysNeedsAnAlternative() {
            io.forewarn.policy.Policy strict = io.forewarn.policy.PolicyFile.parse("strict.yaml",
                    Casework.policyText().replaceFirst("victim-already-aware:\\s+\\{approver: approver}",
                            "victim-already-aware: {approver: approver, requires-alternative: true}"));
            assertThat(strict.waiverRule(WaiverReason.VICTIM_ALREADY_AWARE).orElseThrow().requiresAlternative()).isTrue();
            Casework underStrictPolicy = new Casework(strict);
            underStrictPolicy.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.VICTIM_ALREADY_AWARE, Waiver.Scope.NOT_WARNED,
                    Optional.empty(), Casework.ANALYST, Casework.APPROVER, io.forewarn.policy.Role.APPROVER);

            Review review = underStrictPolicy.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).contains(WAIVER_WITHOUT_ALTERNATIVE);
        }

        @Test
        void isNotFoundForAWaiverOnAnotherGround() {
            casework.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.VICTIM_ALREADY_AWARE, Waiver.Scope.NOT_WARNED,
                    Optional.empty(), Casework.ANALYST, Casework.APPROVER, io.forewarn.policy.Role.APPROVER);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).isEmpty();
        }
    }

    @Nested
    class ExpiredUnwarned {

        @Test
        void isFoundWhenTheThreatWindowEndedWithTheObligationStillAwaitingItsWarning() {
            casework.at("2024-03-07T10:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-31T01:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).containsExactlyInAnyOrder(AFFECTED_PARTY_NEVER_WARNED, EXPIRED_UNWARNED);
            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).extracting(Finding::code, Finding::detail).contains(
                    org.assertj.core.groups.Tuple.tuple(EXPIRED_UNWARNED, "the threat window ended at 2024-03-31 00:00 +03:00 "
                            + "with the obligation still escalated; closed by scheduler at 2024-03-31 00:00 +03:00"),
                    org.assertj.core.groups.Tuple.tuple(AFFECTED_PARTY_NEVER_WARNED, "affected (jurisdiction: names: "
                            + "Moscow, Moscow Oblast, RU lies in country RU) but never warned; obligation is closed "
                            + "(expired-unwarned)"));
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(EXPIRED_UNWARNED);
        }

        @Test
        void isNotFoundWhileTheThreatWindowIsOpen() {
            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).containsExactly(AFFECTED_PARTY_NEVER_WARNED);
        }
    }

    @Nested
    class WaiverImproper {

        @Test
        void aSelfApprovedWaiverIsImproperAndExcusesNothing() {
            Waiver waiver = casework.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.NOT_WARNED, Optional.empty(), Casework.APPROVER, Casework.APPROVER,
                    io.forewarn.policy.Role.APPROVER);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).containsExactlyInAnyOrder(WAIVER_IMPROPER, AFFECTED_PARTY_NEVER_WARNED);
            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).filteredOn(f -> f.code() == WAIVER_IMPROPER)
                    .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("waiver " + waiver.id()
                            + " (victim-already-aware, not-warned), approved by approver-b as approver, excuses nothing: "
                            + "approver-b requested this waiver and cannot also approve it"));
            assertThat(caseOf(review, RU_AUTHORITIES).approvedWaivers()).containsExactly(waiver);
            assertThat(caseOf(review, RU_AUTHORITIES).properWaivers()).isEmpty();
        }

        @Test
        void aWaiverApprovedByARoleThePolicyDoesNotAllowForItsReasonIsImproper() {
            Waiver waiver = casework.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Waiver.Scope.NOT_WARNED,
                    Optional.of("general warning through liaison"), Casework.ANALYST, Casework.APPROVER,
                    io.forewarn.policy.Role.APPROVER);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).containsExactlyInAnyOrder(WAIVER_IMPROPER, AFFECTED_PARTY_NEVER_WARNED);
            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).filteredOn(f -> f.code() == WAIVER_IMPROPER)
                    .singleElement().satisfies(f -> assertThat(f.detail()).endsWith("excuses nothing: a waiver citing "
                            + "unduly-endangers-sources-or-personnel must be approved by director, not approver"));
        }

        @Test
        void aWaiverCitingAReasonThePolicyDoesNotAllowIsImproper() {
            io.forewarn.policy.Policy narrow = io.forewarn.policy.PolicyFile.parse("narrow.yaml", Casework.policyText()
                    .replaceFirst("\\n\\s*risk-only-from-own-armed-conflict:[^\\n]*", ""));
            assertThat(narrow.waiverRule(WaiverReason.RISK_ONLY_FROM_OWN_ARMED_CONFLICT)).isEmpty();
            Casework underNarrowPolicy = new Casework(narrow);
            underNarrowPolicy.at("2024-03-07T10:00").recordedWaiver(RU_AUTHORITIES,
                    WaiverReason.RISK_ONLY_FROM_OWN_ARMED_CONFLICT, Waiver.Scope.NOT_WARNED, Optional.empty(),
                    Casework.ANALYST, Casework.DIRECTOR, io.forewarn.policy.Role.DIRECTOR);

            Review review = underNarrowPolicy.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).containsExactlyInAnyOrder(WAIVER_IMPROPER, AFFECTED_PARTY_NEVER_WARNED);
            assertThat(review.findingsFor("R-1", RU_AUTHORITIES)).filteredOn(f -> f.code() == WAIVER_IMPROPER)
                    .singleElement().satisfies(f -> assertThat(f.detail()).endsWith("excuses nothing: policy v3 does "
                            + "not allow the waiver reason risk-only-from-own-armed-conflict"));
        }

        @Test
        void anImproperLessSpecificWaiverDoesNotExcuseAWarningBelowItsCeiling() {
            casework.at("2024-03-07T08:30").recordedWaiver(RU_AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.LESS_SPECIFIC, Optional.empty(), Casework.APPROVER, Casework.APPROVER,
                    io.forewarn.policy.Role.APPROVER);
            casework.at("2024-03-07T09:00").recordedWarning(RU_AUTHORITIES,
                    levels("locality", "none", "category", "generic", "type"), Map.of());

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).contains(WAIVER_IMPROPER, BELOW_CEILING_WITHOUT_JUSTIFICATION);
        }

        @Test
        void aWaiverApprovedThroughTheWorkflowIsProper() {
            casework.at("2024-03-07T10:00").waiver(RU_AUTHORITIES, WaiverReason.VICTIM_ALREADY_AWARE,
                    Waiver.Scope.NOT_WARNED, Optional.empty(), true);

            Review review = casework.at("2024-03-22T20:00").review(crocusAttack("2024-03-22T19:58"));

            assertThat(codes(review, RU_AUTHORITIES)).isEmpty();
        }
    }

    @Nested
    class IncidentCovered {

        /** A concert hall in the city of Moscow, which is a federal city, not part of Moscow Oblast. */
        private final Incident inMoscowCity = incident("2024-03-10T19:58", place()
                .site("Tchaikovsky Concert Hall", circle(55.770, 37.595, 0.1)).locality("Moscow").region("Moscow")
                .country("RU").build(), "concert hall");

        @Test
        void isFoundWhenADeliveredValidWarningsReleasedPlaceAndTimeContainTheIncident() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-07T09:30").delivered(CITIZENS_MOSCOW);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(warning.statedWindow()).hasValueSatisfying(window -> assertThat(window.contains(moscow("2024-03-10T19:58"))).isTrue());
            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).extracting(Finding::code, Finding::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(INCIDENT_COVERED, "warning " + warning.id()
                            + " was valid until 2024-03-14 09:00 +03:00 and its place and time contain the incident; "
                            + "delivered at 2024-03-07 09:30 +03:00, not acknowledged"));
            assertThat(INCIDENT_COVERED.isFailure()).isFalse();
        }

        @Test
        void saysTheWarningWasAcknowledgedWhenThePartyAcknowledgedItBeforeTheIncident() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-07T09:30").delivered(CITIZENS_MOSCOW).at("2024-03-07T11:00").acknowledged(CITIZENS_MOSCOW);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).extracting(Finding::code, Finding::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(INCIDENT_COVERED, "warning " + warning.id()
                            + " was valid until 2024-03-14 09:00 +03:00 and its place and time contain the incident; "
                            + "delivered at 2024-03-07 09:30 +03:00, acknowledged at 2024-03-07 11:00 +03:00"));
            assertThat(caseOf(review, CITIZENS_MOSCOW).receiptOf(warning)).hasValue(new PartyCase.Receipt(
                    moscow("2024-03-07T09:30"), Optional.of(moscow("2024-03-07T11:00"))));
        }

        @Test
        void isFoundForAnIncidentInMoscowCityWhenTheWarningNamedMoscow() {
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.delivered(CITIZENS_MOSCOW);

            Review review = casework.at("2024-03-10T20:00").review(inMoscowCity);

            assertThat(codes(review, CITIZENS_MOSCOW)).contains(INCIDENT_COVERED);
        }

        @Test
        void isNotFoundWhenTheReleasedPlaceDoesNotContainTheIncident() {
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS, Map.of(Facet.PLACE, Facet.PLACE.level("region")),
                    Map.of(Facet.PLACE, Justification.SOURCES_AND_METHODS));

            Review review = casework.at("2024-03-10T20:00").review(inMoscowCity);

            assertThat(review.correlations()).hasSize(1);
            assertThat(caseOf(review, CITIZENS_MOSCOW).warnings()).singleElement()
                    .satisfies(w -> assertThat(w.releasedPlace()).hasToString("Moscow Oblast, RU"));
            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(INCIDENT_COVERED);
        }

        @Test
        void isNotFoundWhenTheWarningHadExpired() {
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(codes(review, CITIZENS_MOSCOW)).doesNotContain(INCIDENT_COVERED);
        }
    }

    @Nested
    class WarningNotDelivered {

        @Test
        void anIssuedWarningWithNoRecordedDeliveryIsNotCoverage() {
            Warning warning = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);

            Review review = casework.at("2024-03-10T20:00").review(crocusAttack("2024-03-10T19:58"));

            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).extracting(Finding::code, Finding::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(WARNING_NOT_DELIVERED, "warning " + warning.id()
                            + " was issued at 2024-03-07 09:00 +03:00, but no delivery of it was recorded before the incident"));
            assertThat(WARNING_NOT_DELIVERED.isFailure()).isTrue();
        }

        @Test
        void aDeliveryRecordedOnlyAfterTheIncidentDoesNotCount() {
            casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-10T20:30").delivered(CITIZENS_MOSCOW);

            Review review = casework.review(crocusAttack("2024-03-10T19:58"));

            assertThat(codes(review, CITIZENS_MOSCOW)).containsExactly(WARNING_NOT_DELIVERED);
        }

        @Test
        void aRenewalNeverDeliveredIsNotCoverageThoughTheWarningItRenewedWasDelivered() {
            Warning first = casework.at("2024-03-07T09:00").warn(OWN_CITIZENS);
            casework.at("2024-03-07T09:30").delivered(CITIZENS_MOSCOW);
            Warning renewal = casework.at("2024-03-14T04:00").renew(first);

            Review review = casework.at("2024-03-16T20:00").review(crocusAttack("2024-03-16T19:58"));

            assertThat(review.findingsFor("R-1", CITIZENS_MOSCOW)).extracting(Finding::code, Finding::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(WARNING_NOT_DELIVERED, "warning " + renewal.id()
                            + " was issued at 2024-03-14 04:00 +03:00, but no delivery of it was recorded before the incident"));
        }
    }

    private static PartyCase caseOf(Review review, String partyId) {
        return review.cases().stream().filter(c -> c.party().id().equals(partyId)).findFirst().orElseThrow();
    }
}
