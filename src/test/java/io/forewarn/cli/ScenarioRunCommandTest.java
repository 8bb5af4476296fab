package io.forewarn.cli;

import io.forewarn.Crocus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code forewarn scenario run}: exit codes, the expectation diff, --mode and the JSON document. */
class ScenarioRunCommandTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String NEVER_WARNED_VENUE = "    - {finding: affected-party-never-warned, party: crocus-city-hall}\n";

    @TempDir
    Path dir;

    Path crocus;

    @BeforeEach
    void copyTheShippedScenario() {
        crocus = Cli.copy(dir, Cli.CROCUS);
    }

    @Test
    void theShippedScenarioMeetsItsExpectations() {
        Cli.Result result = Cli.run("scenario", "run", crocus);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Crocus City Hall attack, Krasnogorsk, 22 March 2024\n")
                .contains("Timeline, as-recorded").contains("Timeline, as-policy")
                .contains("Side by side: as recorded vs. as policy")
                .contains("Expectations for as-recorded met: 12 findings, as expected.")
                .contains("Expectations for as-policy met: 4 findings, as expected.");
    }

    /** Scripts read the JSON account from standard output: nothing else may reach it, and nothing reaches standard error. */
    @Test
    void theJsonAccountIsAllThatIsPrinted() {
        Cli.Result inProcess = Cli.run("scenario", "run", crocus, "--json");

        Cli.Result process = Cli.process(dir, java.util.Map.of(), "scenario", "run", crocus, "--json");

        assertThat(process.exit()).as(process.err()).isZero();
        assertThat(process.err()).isEmpty();
        assertThat(process.out()).startsWith("{\n  \"scenario\" : \"crocus-2024\"").isEqualTo(inProcess.out());
    }

    @Test
    void theIncidentLineStatesTheFiguresOfTheFileAndNoOthers() {
        String text = Crocus.SCENARIO_TEXT;
        assertThat(text).contains("      killed: 137 ", "      injured: 182\n");
        Path edited = Cli.write(dir, "edited.yaml", text.replace("      killed: 137 ", "      killed: 140 ")
                .replace("      injured: 182\n", ""));

        Cli.Result result = Cli.run("scenario", "run", edited);

        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).contains("Incident crocus-city-hall-attack: 140 killed at Crocus City Hall, 22 March 2024.");
    }

    @Test
    void aFindingProducedButNoLongerExpectedFailsWithADiff() {
        String text = Crocus.SCENARIO_TEXT;
        assertThat(text).contains(NEVER_WARNED_VENUE);
        Path edited = Cli.write(dir, "edited.yaml", text.replace(NEVER_WARNED_VENUE, ""));

        Cli.Result result = Cli.run("scenario", "run", edited);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Expectations for as-recorded NOT met")
                .contains("\n  as-recorded + affected-party-never-warned crocus-city-hall\n")
                .contains("Expectations for as-policy met");
    }

    @Test
    void anExpectedFindingNotProducedFailsWithADiff() {
        String text = Crocus.SCENARIO_TEXT;
        Path edited = Cli.write(dir, "edited.yaml", text.replace(
                "    - {finding: incident-covered, party: crocus-city-hall}\n",
                "    - {finding: incident-covered, party: crocus-city-hall}\n"
                        + "    - {finding: unequal-specificity, party: ru-authorities}\n"));

        Cli.Result result = Cli.run("scenario", "run", edited);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Expectations for as-recorded met")
                .contains("Expectations for as-policy NOT met")
                .contains("\n  as-policy - unequal-specificity ru-authorities\n");
    }

    @Test
    void inJsonModeTheDiffGoesToStderrAndTheDocumentStaysValid() {
        String text = Crocus.SCENARIO_TEXT;
        Path edited = Cli.write(dir, "edited.yaml", text.replace(NEVER_WARNED_VENUE,
                "    - {finding: affected-party-never-warned, party: public-moscow}\n"));

        Cli.Result result = Cli.run("scenario", "run", edited, "--json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("forewarn: " + edited + ": the review does not produce the expected findings\n")
                .contains("  as-recorded - affected-party-never-warned public-moscow\n")
                .contains("  as-recorded + affected-party-never-warned crocus-city-hall\n")
                .doesNotContain("as-policy");
        JsonNode recorded = JSON.readTree(result.out()).get("runs").get(0);
        JsonNode expectations = recorded.get("expectations");
        assertThat(expectations.get("met").asBoolean()).isFalse();
        assertThat(expectations.get("missing").get(0).get("party").asString()).isEqualTo("public-moscow");
        assertThat(expectations.get("unexpected").get(0).get("finding").asString()).isEqualTo("affected-party-never-warned");
        assertThat(expectations.get("unexpected").get(0).get("party").asString()).isEqualTo("crocus-city-hall");
    }

    @Test
    void aScenarioWithoutExpectationsForAModeIsNotCheckedInIt() {
        // late-approval.yaml states expectations for as-policy only; as recorded, nothing warned the hall
        Path file = Cli.copy(dir, "/scenarios/late-approval.yaml");

        Cli.Result result = Cli.run("scenario", "run", file);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("affected-party-never-warned [test-hall]")
                .contains("No expectations stated for as-recorded.")
                .contains("Expectations for as-policy met: 2 findings, as expected.");
    }

    @Test
    void modeAsPolicyRunsOnlyThatMode() {
        Cli.Result text = Cli.run("scenario", "run", crocus, "--mode", "as-policy");
        Cli.Result json = Cli.run("scenario", "run", crocus, "--mode", "as-policy", "--json");

        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("Timeline, as-policy").contains("After-action review, as-policy")
                .doesNotContain("as-recorded").doesNotContain("Side by side");
        assertThat(json.exit()).isZero();
        JsonNode runs = JSON.readTree(json.out()).get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("mode").asString()).isEqualTo("as-policy");
    }

    @Test
    void modeAsRecordedRunsOnlyThatMode() {
        Cli.Result json = Cli.run("scenario", "run", crocus, "--mode=as-recorded", "--json");

        JsonNode runs = JSON.readTree(json.out()).get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("mode").asString()).isEqualTo("as-recorded");
    }

    @Test
    void anUnknownModeIsOneLineAndExit2() {
        Cli.Result result = Cli.run("scenario", "run", crocus, "--mode", "as-planned");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("forewarn: ").contains("as-planned").contains("as-recorded, as-policy, both"));
    }

    @Test
    void jsonOutputIsByteIdenticalFromRunToRun() {
        Cli.Result first = Cli.run("scenario", "run", crocus, "--json");
        Cli.Result second = Cli.run("scenario", "run", crocus, "--json");

        assertThat(first.exit()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void textOutputIsIdenticalFromRunToRun() {
        assertThat(Cli.run("scenario", "run", crocus).out()).isEqualTo(Cli.run("scenario", "run", crocus).out());
    }

    @Test
    void jsonHasTheDocumentedShape() {
        Cli.Result result = Cli.run("scenario", "run", crocus, "--json");
        JsonNode root = JSON.readTree(result.out());

        assertThat(names(root)).containsExactly("scenario", "title", "timezone", "sources", "runs");
        assertThat(root.get("scenario").asString()).isEqualTo("crocus-2024");
        assertThat(root.get("title").asString()).isEqualTo("Crocus City Hall attack, Krasnogorsk, 22 March 2024");
        assertThat(root.get("timezone").asString()).isEqualTo("Europe/Moscow");
        assertThat(root.get("sources")).hasSize(2);
        JsonNode runs = root.get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("mode").asString()).isEqualTo("as-recorded");
        assertThat(runs.get(1).get("mode").asString()).isEqualTo("as-policy");
        for (JsonNode run : runs) {
            assertThat(names(run)).containsExactly("mode", "policy-version", "reports", "timeline", "obligations",
                    "warnings", "waivers", "reviews", "expectations");
            assertThat(run.get("policy-version").asInt()).isEqualTo(3);
            assertThat(run.get("reports")).hasSize(1);
            assertThat(run.get("obligations")).hasSize(4);
            assertThat(run.get("reviews")).hasSize(1);
            assertThat(run.get("expectations").get("checked").asBoolean()).isTrue();
            assertThat(run.get("expectations").get("met").asBoolean()).isTrue();
            assertThat(run.get("expectations").get("missing")).isEmpty();
            assertThat(run.get("expectations").get("unexpected")).isEmpty();
        }
    }

    @Test
    void jsonTimelinesAreInTimeOrderAndTheReviewsNameThePartiesFindings() {
        JsonNode runs = JSON.readTree(Cli.run("scenario", "run", crocus, "--json").out()).get("runs");

        for (JsonNode run : runs) {
            List<Instant> times = new ArrayList<>();
            run.get("timeline").forEach(event -> times.add(Instant.parse(event.get("at").asString())));
            assertThat(times).as(run.get("mode").asString()).isNotEmpty().isSorted();
        }
        JsonNode recordedParties = runs.get(0).get("reviews").get(0).get("parties");
        JsonNode venue = find(recordedParties, "crocus-city-hall");
        assertThat(venue.get("warnings")).isEmpty();
        assertThat(venue.get("valid-at-incident").isNull()).isTrue();
        assertThat(venue.get("findings").get(0).asString()).isEqualTo("affected-party-never-warned");
        JsonNode policyVenue = find(runs.get(1).get("reviews").get(0).get("parties"), "crocus-city-hall");
        assertThat(policyVenue.get("valid-at-incident").asString()).startsWith("W-");
        assertThat(policyVenue.get("findings")).extracting(JsonNode::asString).containsExactly("incident-covered");
    }

    @Test
    void theJsonReviewSaysWhenTheCoveringWarningWasDeliveredAndAcknowledged() {
        JsonNode runs = JSON.readTree(Cli.run("scenario", "run", crocus, "--json").out()).get("runs");

        JsonNode authorities = find(runs.get(0).get("reviews").get(0).get("parties"), "ru-authorities");
        assertThat(authorities.get("delivered-at").asString()).isEqualTo("2024-03-07T18:00:00Z");
        assertThat(authorities.get("acknowledged-at").isNull()).isTrue();
        assertThat(find(runs.get(0).get("reviews").get(0).get("parties"), "crocus-city-hall").get("delivered-at")
                .isNull()).isTrue();
        JsonNode policyVenue = find(runs.get(1).get("reviews").get(0).get("parties"), "crocus-city-hall");
        assertThat(policyVenue.get("delivered-at").asString()).isEqualTo("2024-03-20T22:00:00Z");
        assertThat(policyVenue.get("acknowledged-at").asString()).isEqualTo("2024-03-20T23:00:00Z");
    }

    @Test
    void thePolicyOptionDecidesTheAsPolicyRun() {
        Path file = Cli.copy(dir, "/scenarios/short-validity.yaml");
        String dayPolicy = Cli.resource("/policy/default-policy.yaml").replace("validity: P7D", "validity: P1D")
                .replace("version: 3", "version: 4");
        Path policy = Cli.write(dir, "day-policy.yaml", dayPolicy);

        JsonNode byDefault = JSON.readTree(Cli.run("scenario", "run", file, "--mode", "as-policy", "--json").out())
                .get("runs").get(0);
        Cli.Result daily = Cli.run("scenario", "run", file, "--mode", "as-policy", "--json", "--policy", policy);

        assertThat(daily.exit()).as(daily.err()).isZero();
        JsonNode run = JSON.readTree(daily.out()).get("runs").get(0);
        assertThat(byDefault.get("policy-version").asInt()).isEqualTo(3);
        assertThat(byDefault.get("warnings")).hasSize(1);
        assertThat(run.get("policy-version").asInt()).isEqualTo(4);
        assertThat(run.get("warnings")).hasSize(4); // as in ReplayUnderDelaysTest: the first warning and three renewals
        assertThat(run.get("reviews").get(0).get("findings")).extracting(f -> f.get("finding").asString())
                .containsExactly("incident-covered");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode find(JsonNode parties, String id) {
        for (JsonNode party : parties) {
            if (party.get("party").asString().equals(id)) {
                return party;
            }
        }
        throw new AssertionError("no party " + id + " in " + parties);
    }
}
