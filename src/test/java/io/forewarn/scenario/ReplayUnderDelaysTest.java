package io.forewarn.scenario;

import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Warning;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.review.FindingCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.forewarn.scenario.ScenarioFileTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** In as-policy mode the simulated people take time: deadlines and renewals are exercised, not assumed. */
class ReplayUnderDelaysTest {

    /** Warnings valid for a day, renewed six hours before they expire; only own-citizens is needed. */
    static final String DAY_POLICY = """
            version: 9
            harms: [killing, serious-bodily-injury, kidnapping]
            min-credibility: {reliability: D, credibility: 4}
            deadlines: {imminent: PT4H, default: PT24H}
            audiences:
              own-citizens: {place: locality, time: day, target: class, method: generic, actor: type}
            validity: P1D
            renewal: {before-expiry: %s}
            escalation: [approver, director]
            waivers:
              victim-already-aware: {approver: approver}
            """;

    static Policy dayPolicy(String renewalLead) {
        return PolicyFile.parse("day-policy.yaml", DAY_POLICY.formatted(renewalLead));
    }

    static Scenario withDelays(Scenario scenario, Delays delays) {
        return new Scenario(scenario.id(), scenario.title(), scenario.timezone(), scenario.sources(), scenario.parties(),
                scenario.events(), delays, scenario.expectations());
    }

    @Test
    void anApprovalSlowerThanTheImminentDeadlineMakesTheWarningLate() {
        Scenario scenario = ScenarioFile.load(resource("late-approval.yaml"));
        assertThat(scenario.delays().approval()).isGreaterThan(PolicyFile.defaultPolicy().deadlines().imminent());

        ReplayResult run = new Replay(scenario, PolicyFile.defaultPolicy()).run(Mode.AS_POLICY);

        assertThat(run.produced()).containsExactlyInAnyOrder(
                new ExpectedFinding("late-warning", "test-hall"),
                new ExpectedFinding("incident-covered", "test-hall"));
        Obligation obligation = run.casebook().obligation("R-1", "test-hall").orElseThrow();
        Warning warning = run.casebook().warningsTo("R-1", "test-hall").get(0);
        // drafted half an hour after receipt, approved and issued six hours later
        assertThat(warning.issuedAt()).isEqualTo(run.casebook().report("R-1").orElseThrow().receivedAt()
                .plus(scenario.delays().drafting()).plus(scenario.delays().approval()));
        assertThat(warning.issuedAt()).isAfter(obligation.deadline());
        assertThat(run.expectations().met()).isTrue();
    }

    @Test
    void theSameScenarioWithAPromptApproverIsOnTime() {
        Scenario slow = ScenarioFile.load(resource("late-approval.yaml"));
        Scenario prompt = withDelays(slow, new Delays(Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofHours(1)));

        ReplayResult run = new Replay(prompt, PolicyFile.defaultPolicy()).run(Mode.AS_POLICY);

        assertThat(run.produced()).containsExactly(new ExpectedFinding("incident-covered", "test-hall"));
    }

    @Test
    void shortValidityIsRenewedInTimeAndCoversTheIncident() {
        Scenario scenario = ScenarioFile.load(resource("short-validity.yaml"));

        ReplayResult run = new Replay(scenario, dayPolicy("PT6H")).run(Mode.AS_POLICY);

        assertThat(run.findings()).extracting(f -> f.code()).doesNotContain(FindingCode.RENEWAL_MISSED)
                .containsExactly(FindingCode.INCIDENT_COVERED);
        List<Warning> warnings = run.casebook().warningsTo("R-1", "citizens");
        // 1 May 09:30, then renewals issued 2 May 05:00, 3 May 00:30 and 3 May 20:00 (Moscow); the next one was due after the incident
        assertThat(warnings).hasSize(4);
        for (int i = 1; i < warnings.size(); i++) {
            Warning previous = warnings.get(i - 1);
            Warning renewal = warnings.get(i);
            assertThat(Duration.between(previous.validity().from(), previous.validity().to())).isEqualTo(Duration.ofDays(1));
            assertThat(renewal.renews()).contains(previous.id());
            assertThat(renewal.issuedAt()).as("renewal " + renewal.id() + " issued before " + previous.id() + " expires")
                    .isBefore(previous.validity().to());
        }
        Warning atIncident = run.reviews().get(0).cases().get(0).validAtIncident().orElseThrow();
        assertThat(atIncident.renews()).as("the warning in force at the incident is a renewal").isPresent();
        assertThat(run.expectations().met()).isTrue();
    }

    @Test
    void aRenewalLeadShorterThanThePeoplesDelayMissesEveryRenewal() {
        Scenario scenario = ScenarioFile.load(resource("short-validity.yaml"));
        Duration humanDelay = scenario.delays().drafting().plus(scenario.delays().approval());
        assertThat(Duration.ofHours(1)).isLessThan(humanDelay);

        ReplayResult run = new Replay(scenario, dayPolicy("PT1H")).run(Mode.AS_POLICY);

        assertThat(run.findings()).extracting(f -> f.code()).contains(FindingCode.RENEWAL_MISSED);
        assertThat(run.expectations().met()).isFalse();
        assertThat(run.expectations().diff()).containsExactly("+ renewal-missed citizens");
    }
}
