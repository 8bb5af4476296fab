package io.forewarn.scenario;

import io.forewarn.obligation.TimelineEntry;
import io.forewarn.policy.PolicyFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTest {

    static final String WAIVER_FOR_A_PARTY_NOT_AFFECTED = """
            scenario: stray-waiver
            title: A recorded waiver for a party the report does not affect
            timezone: UTC
            sources: [made up for a test]
            parties:
              - {id: citizens, kind: registrants, audience: own-citizens, area: {country: RU}, count: 10}
              - {id: paris, kind: public, audience: public, area: {locality: Paris, country: FR}}
            events:
              - at: 2024-05-01T08:00
                report:
                  id: R-1
                  credibility: B2
                  harm: killing
                  actor:  {type: terrorist group}
                  target: {class: concert halls}
                  place:  {locality: Moscow, country: RU}
                  time:   {from: 2024-05-01T00:00, to: 2024-05-04T00:00}
                  method: {generic: attack}
              - at: 2024-05-01T09:00
                waiver: {party: paris, reason: victim-already-aware, requested-by: analyst, approved-by: approver}
              - at: 2024-05-02T20:00
                incident: {place: {locality: Moscow, country: RU}, method: firearms}
            expect:
              as-recorded:
                - {finding: affected-party-never-warned, party: citizens}
            """;

    /** The same case with a warning to the citizens as recorded, and a line to put a delivery in or leave out. */
    static final String WARNED = WAIVER_FOR_A_PARTY_NOT_AFFECTED
            .replace("    waiver: {party: paris, reason: victim-already-aware, requested-by: analyst, approved-by: approver}\n",
                    "    warning: {to: [citizens], valid-for: PT72H,\n"
                            + "              released: {place: locality, time: week, target: class, method: generic, actor: type}}\n"
                            + "#DELIVERY\n")
            .replaceAll("(?s)expect:.*", "");

    @Test
    void aRecordedWarningWithNoRecordedDeliveryIsNotDeliveredAndCoversNothing() {
        Scenario scenario = ScenarioFile.parse("warned.yaml", WARNED);

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.produced()).containsExactly(new ExpectedFinding("warning-not-delivered", "citizens"));
        assertThat(run.findings()).singleElement().satisfies(finding -> assertThat(finding.detail()).isEqualTo(
                "warning W-1 was issued at 2024-05-01 09:00 +00:00, but no delivery of it was recorded before the incident"));
    }

    @Test
    void aRecordedDeliveryBeforeTheIncidentMakesTheWarningCoverIt() {
        Scenario scenario = ScenarioFile.parse("delivered.yaml", WARNED.replace("#DELIVERY", """
                  - at: 2024-05-01T11:00
                    delivery: {to: [citizens], channel: registrant email}
                """));

        ReplayResult recorded = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);
        ReplayResult decided = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_POLICY);

        assertThat(recorded.produced()).containsExactly(new ExpectedFinding("incident-covered", "citizens"));
        assertThat(recorded.findings()).singleElement().satisfies(finding -> assertThat(finding.detail())
                .endsWith("; delivered at 2024-05-01 11:00 +00:00, not acknowledged"));
        assertThat(recorded.timeline()).extracting(TimelineEntry::type, TimelineEntry::summary).contains(
                org.assertj.core.groups.Tuple.tuple("warning-delivered", "warning delivered to citizens over registrant email"));
        assertThat(decided.timeline()).extracting(TimelineEntry::summary).contains(
                "as recorded, a warning was delivered to citizens over registrant email; not replayed, the policy decides");
    }

    @Test
    void aRecordedAcknowledgementIsReplayedAfterTheDelivery() {
        Scenario scenario = ScenarioFile.parse("acknowledged.yaml", WARNED.replace("#DELIVERY", """
                  - at: 2024-05-01T11:00
                    delivery: {to: [citizens], channel: registrant email}
                  - at: 2024-05-01T12:00
                    acknowledgement: {by: [citizens]}
                """));

        ReplayResult recorded = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(recorded.findings()).singleElement().satisfies(finding -> assertThat(finding.detail())
                .endsWith("; delivered at 2024-05-01 11:00 +00:00, acknowledged at 2024-05-01 12:00 +00:00"));
    }

    @Test
    void aRecordedDeliveryOfAWarningNeverIssuedStaysOnTheTimeline() {
        Scenario scenario = ScenarioFile.parse("undelivered.yaml", WARNED
                .replace("warning: {to: [citizens], valid-for: PT72H,\n              released: {place: locality, time: week, "
                        + "target: class, method: generic, actor: type}}", "countermeasure: nothing was issued")
                .replace("#DELIVERY", """
                  - at: 2024-05-01T11:00
                    delivery: {to: [citizens], channel: registrant email}
                """));

        ReplayResult recorded = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(recorded.timeline()).extracting(TimelineEntry::summary).anySatisfy(summary -> assertThat(summary)
                .startsWith("as recorded, a warning was delivered to citizens over registrant email, which cannot be replayed: ")
                .contains("cannot move from"));
        assertThat(recorded.produced()).containsExactly(new ExpectedFinding("affected-party-never-warned", "citizens"));
    }

    @Test
    void aSelfApprovedScenarioWaiverIsImproperAndExcusesNothing() {
        Scenario scenario = ScenarioFile.parse("self-approved.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED
                .replace("waiver: {party: paris, reason: victim-already-aware, requested-by: analyst, approved-by: approver}",
                        "waiver: {party: citizens, reason: victim-already-aware, requested-by: approver, approved-by: approver}"));

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.produced()).containsExactly(new ExpectedFinding("affected-party-never-warned", "citizens"),
                new ExpectedFinding("waiver-improper", "citizens"));
        assertThat(run.findings()).filteredOn(f -> f.code().code().equals("waiver-improper")).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo("waiver X-1 (victim-already-aware, not-warned), approved "
                        + "by approver as approver, excuses nothing: approver requested this waiver and cannot also approve it"));
    }

    @Test
    void aScenarioWaiverTakesTheFieldsOfAnApiWaiverScopeIncluded() {
        Scenario scenario = ScenarioFile.parse("less-specific.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED
                .replace("waiver: {party: paris, reason: victim-already-aware,",
                        "waiver: {party: citizens, reason: victim-already-aware, scope: less-specific,"));

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.casebook().waivers()).singleElement().satisfies(waiver -> {
            assertThat(waiver.scope()).isEqualTo(io.forewarn.obligation.Waiver.Scope.LESS_SPECIFIC);
            assertThat(waiver.isApproved()).isTrue();
        });
        assertThat(run.casebook().obligation("R-1", "citizens").orElseThrow().state().code())
                .as("a waiver to warn less specifically does not excuse warning").isEqualTo("escalated");
        assertThat(run.produced()).containsExactly(new ExpectedFinding("affected-party-never-warned", "citizens"));
    }

    @Test
    void aScenarioGoingOnPastTheThreatWindowClosesWhatWasNeverWarnedAndTheReviewNamesIt() {
        Scenario scenario = ScenarioFile.parse("past-the-window.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED.replace("expect:\n",
                "  - at: 2024-05-05T12:00\n    countermeasure: the threat window has ended\nexpect:\n"));

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.casebook().obligation("R-1", "citizens").orElseThrow().closedAs())
                .contains(io.forewarn.obligation.ClosingReason.EXPIRED_UNWARNED);
        assertThat(run.timeline()).extracting(TimelineEntry::type, TimelineEntry::at).contains(
                org.assertj.core.groups.Tuple.tuple("obligation-closed", Instant.parse("2024-05-04T00:00:00Z")));
        assertThat(run.produced()).containsExactly(new ExpectedFinding("affected-party-never-warned", "citizens"),
                new ExpectedFinding("expired-unwarned", "citizens"));
    }

    @Test
    void aRecordedWaiverForAPartyTheReportDoesNotAffectIsNotedNotFatal() {
        Scenario scenario = ScenarioFile.parse("stray-waiver.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED);

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.timeline()).extracting(TimelineEntry::summary)
                .anySatisfy(summary -> assertThat(summary).contains("paris").contains("no obligation"));
        assertThat(run.casebook().waivers()).isEmpty();
        assertThat(run.expectations().met()).as(String.join("\n", run.expectations().diff())).isTrue();
    }

    @Test
    void aRecordedWaiverAfterTheWarningWentOutStaysOnTheTimeline() {
        Scenario scenario = ScenarioFile.parse("late-waiver.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED
                .replace("waiver: {party: paris,", "warning: {to: [citizens], valid-for: PT72H, released: {place: locality, "
                        + "time: week, target: class, method: generic, actor: type}}\n"
                        + "  - at: 2024-05-01T10:00\n"
                        + "    waiver: {party: citizens,"));

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.timeline()).extracting(TimelineEntry::summary)
                .anySatisfy(summary -> assertThat(summary).contains("waiver").contains("cannot be replayed")
                        .contains("cannot move from issued to waiver-requested"));
        assertThat(run.casebook().obligation("R-1", "citizens").orElseThrow().state().code()).isEqualTo("issued");
    }

    @Test
    void aClockInAnotherZoneMovesWithTheReplayClock() {
        ReplayClock clock = new ReplayClock(Instant.parse("2024-03-07T05:00:00Z"), ZoneId.of("Europe/Moscow"));
        java.time.Clock utc = clock.withZone(ZoneId.of("UTC"));

        clock.advanceTo(Instant.parse("2024-03-08T05:00:00Z"));

        assertThat(utc.instant()).isEqualTo(Instant.parse("2024-03-08T05:00:00Z"));
        assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void theReplayClockOnlyMovesForward() {
        Instant start = Instant.parse("2024-03-07T05:00:00Z");
        ReplayClock clock = new ReplayClock(start, ZoneId.of("Europe/Moscow"));
        assertThat(clock.instant()).isEqualTo(start);

        clock.advanceTo(start.plusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(3600));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));

        assertThatThrownBy(() -> clock.advanceTo(start)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(3600));
    }

    @Test
    void aScenarioWithoutEventsIsRefusedWithItsName() {
        Scenario empty = new Scenario("nothing-happens", "t", ZoneId.of("UTC"), java.util.List.of(),
                ScenarioFile.parse("s.yaml", WAIVER_FOR_A_PARTY_NOT_AFFECTED).parties(), java.util.List.of(),
                Delays.DEFAULT, java.util.Map.of());

        assertThatThrownBy(() -> new Replay(empty, PolicyFile.defaultPolicy()).run(Mode.AS_POLICY))
                .hasMessageContaining("nothing-happens");
    }
}
