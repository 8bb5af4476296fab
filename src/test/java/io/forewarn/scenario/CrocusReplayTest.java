package io.forewarn.scenario;

import io.forewarn.Crocus;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.review.Finding;
import io.forewarn.review.FindingCode;
import io.forewarn.review.PartyCase;
import io.forewarn.review.Review;
import io.forewarn.policy.ReleaseCeiling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped Crocus City Hall scenario, replayed as recorded and as the default policy would have handled it. */
class CrocusReplayTest {

    static final List<String> PARTIES = List.of("us-citizens-ru", "public-moscow", "ru-authorities", "crocus-city-hall");

    static Scenario scenario;
    static Policy policy;
    static ReplayResult recorded;
    static ReplayResult decided;

    @BeforeAll
    static void replay() throws IOException {
        scenario = ScenarioFile.parse("crocus-2024.yaml", Crocus.SCENARIO_TEXT);
        policy = PolicyFile.defaultPolicy();
        Replay replay = new Replay(scenario, policy);
        recorded = replay.run(Mode.AS_RECORDED);
        decided = replay.run(Mode.AS_POLICY);
    }

    @Test
    void asRecordedFindsExactlyWhatTheScenarioExpects() {
        assertThat(recorded.expectations().checked()).isTrue();
        assertThat(recorded.expectations().met()).as(String.join("\n", recorded.expectations().diff())).isTrue();
        assertThat(recorded.produced()).isEqualTo(new TreeSet<>(scenario.expectations().get(Mode.AS_RECORDED)));
    }

    @Test
    void asRecordedFindsTheFailuresOfMarch2024() {
        assertThat(recorded.produced()).contains(
                new ExpectedFinding("warning-expired-before-incident", "us-citizens-ru"),
                new ExpectedFinding("renewal-missed", "us-citizens-ru"),
                new ExpectedFinding("below-ceiling-without-justification", "ru-authorities"),
                new ExpectedFinding("affected-party-never-warned", "crocus-city-hall"));
        // the 48-hour alert of 7 March had run out 12 days before the attack; the venue heard nothing
        assertThat(findings(recorded, "us-citizens-ru")).doesNotContain("incident-covered");
        assertThat(findings(recorded, "crocus-city-hall")).containsExactly("affected-party-never-warned");
    }

    @Test
    void asRecordedTheAuthoritiesAreCoveredBecauseTheDeliveryOfTheirWarningIsOnTheRecord() {
        // the FSB director's "only a general warning" says it reached them; nothing says they acknowledged it before
        assertThat(recorded.findings()).filteredOn(f -> f.partyId().equals("ru-authorities")
                        && f.code() == FindingCode.INCIDENT_COVERED)
                .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("warning W-2 was valid until "
                        + "2024-03-31 00:00 +03:00 and its place and time contain the incident; delivered at "
                        + "2024-03-07 21:00 +03:00, not acknowledged"));
        assertThat(recorded.produced()).noneMatch(f -> f.finding().equals("warning-not-delivered"));
    }

    @Test
    void asPolicyEveryCoveringWarningWasDeliveredAndAcknowledged() {
        assertThat(decided.findings()).filteredOn(f -> f.code() == FindingCode.INCIDENT_COVERED)
                .extracting(Finding::detail)
                .allSatisfy(detail -> assertThat(detail).matches(".*; delivered at 2024-03-21 01:00 \\+03:00, "
                        + "acknowledged at 2024-03-21 02:00 \\+03:00"))
                .hasSize(4);
    }

    @Test
    void asPolicyCoversEveryAffectedPartyWithoutAFailure() {
        assertThat(decided.reviews()).hasSize(1);
        Review review = decided.reviews().get(0);
        assertThat(review.cases()).extracting(c -> c.party().id()).containsExactlyInAnyOrderElementsOf(PARTIES);
        assertThat(review.findings()).filteredOn(f -> f.code() == FindingCode.INCIDENT_COVERED)
                .extracting(Finding::partyId).containsExactlyInAnyOrderElementsOf(PARTIES);
        assertThat(decided.findings()).filteredOn(f -> f.code().isFailure()).isEmpty();
        for (PartyCase subject : review.cases()) {
            assertThat(subject.validAtIncident()).as(subject.party().id()).isPresent();
        }
        assertThat(decided.expectations().met()).as(String.join("\n", decided.expectations().diff())).isTrue();
    }

    @Test
    void asPolicyWarnsEveryAffectedPartyAtItsEffectiveCeiling() {
        ThreatReport report = decided.casebook().report("R-1").orElseThrow();
        Map<String, Party> parties = scenario.parties().stream().collect(Collectors.toMap(Party::id, p -> p));
        Set<String> warned = new TreeSet<>();
        for (Warning warning : decided.casebook().warnings()) {
            for (String partyId : warning.partyIds()) {
                ReleaseCeiling ceiling = policy.ceiling(parties.get(partyId).audience()).orElseThrow();
                Map<Facet, Level> expected = new EnumMap<>(Facet.class);
                for (Facet facet : Facet.values()) {
                    Level allowed = ceiling.of(facet);
                    Level supported = report.supportedLevel(facet);
                    expected.put(facet, allowed.rank() <= supported.rank() ? allowed : supported);
                }
                assertThat(warning.released()).as(warning.id() + " to " + partyId).isEqualTo(expected);
                assertThat(warning.justifications()).as(warning.id() + " needs no justification").isEmpty();
                warned.add(partyId);
            }
        }
        assertThat(warned).containsExactlyInAnyOrderElementsOf(PARTIES);
    }

    @Test
    void theEffectiveCeilingIsBelowTheAudienceCeilingWhereTheReportKnowsLess() {
        // the report says "Moscow", loosely, and "concert halls": a venue operator may be told the site
        // and the venue by name, but can only be told what the report supports
        Warning toVenue = decided.casebook().warningsTo("R-1", "crocus-city-hall").get(0);
        assertThat(toVenue.released().get(Facet.PLACE).name()).isEqualTo("locality");
        assertThat(toVenue.released().get(Facet.TARGET).name()).isEqualTo("class");
        // and the adversarial foreign government is told as much as the report supports, the named actor included
        Warning toAuthorities = decided.casebook().warningsTo("R-1", "ru-authorities").get(0);
        assertThat(toAuthorities.released().get(Facet.ACTOR).name()).isEqualTo("named");
        assertThat(toAuthorities.released().get(Facet.METHOD).name()).isEqualTo("specific");
    }

    @Test
    void asPolicyRenewsBeforeEachWarningExpires() {
        for (String party : PARTIES) {
            List<Warning> warnings = decided.casebook().warningsTo("R-1", party);
            // issued 7 March 09:30 (Moscow), valid seven days, renewed six hours before each expiry on 14 and 21 March
            assertThat(warnings).as(party).hasSize(3);
            for (int i = 1; i < warnings.size(); i++) {
                assertThat(warnings.get(i).renews()).as(party).isPresent();
                assertThat(warnings.get(i).issuedAt()).as(party + ": renewal before the previous warning expires")
                        .isBefore(warnings.get(i - 1).validity().to());
            }
        }
    }

    @Test
    void replayingIsDeterministic() throws IOException {
        String first = ReplayDocument.toJson(scenario, List.of(recorded, decided));
        Scenario again = ScenarioFile.parse("crocus-2024.yaml", Crocus.SCENARIO_TEXT);
        Replay fresh = new Replay(again, PolicyFile.defaultPolicy());
        // as-policy first this time: a run must not depend on what ran before it on the same Replay
        ReplayResult decidedAgain = fresh.run(Mode.AS_POLICY);
        ReplayResult recordedAgain = fresh.run(Mode.AS_RECORDED);
        String second = ReplayDocument.toJson(again, List.of(recordedAgain, decidedAgain));

        assertThat(second).isEqualTo(first);
    }

    private static List<String> findings(ReplayResult run, String party) {
        return run.findings().stream().filter(f -> f.partyId().equals(party)).map(f -> f.code().code()).toList();
    }
}
