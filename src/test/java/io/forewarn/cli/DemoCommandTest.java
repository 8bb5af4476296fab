package io.forewarn.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code forewarn demo}: the Crocus case as recorded and as policy, side by side. */
class DemoCommandTest {

    static Cli.Result demo;

    @BeforeAll
    static void runTheDemo() {
        demo = Cli.run("demo");
    }

    @Test
    void exitsZeroWithNothingOnStderr() {
        assertThat(demo.exit()).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(demo.out()).startsWith("Crocus City Hall attack, Krasnogorsk, 22 March 2024\n"
                + "Sources: hirado.hu citing The New York Times; US Embassy Moscow security alert of 7 March 2024.");
    }

    /** The toll, place and day are the scenario file's (ScenarioRunCommandTest edits them), printed under the sources. */
    @Test
    void statesTheIncidentAsTheRecordHasIt() {
        assertThat(demo.out().lines().skip(2).findFirst())
                .contains("Incident crocus-city-hall-attack: 137 killed, 182 injured at Crocus City Hall, 22 March 2024.");
    }

    @Test
    void printsBothTimelines() {
        assertThat(demo.out())
                .contains("Timeline, as-recorded (times Europe/Moscow, policy v3)")
                .contains("Timeline, as-policy (times Europe/Moscow, policy v3)")
                .containsPattern("2024-03-07 08:00  report-received +report R-1 received: harm killing, credibility B2")
                .containsPattern("2024-03-07 20:00  warning-issued +warning W-1 to us-citizens-ru, public-moscow valid until 2024-03-09 20:00")
                .containsPattern("2024-03-09 20:00  warning-expired +warning W-1 to us-citizens-ru expired")
                .containsPattern("2024-03-22 19:58  incident-recorded +incident crocus-city-hall-attack at Crocus City Hall");
        assertThat(demo.out().indexOf("Timeline, as-recorded")).isLessThan(demo.out().indexOf("Timeline, as-policy"));
    }

    @Test
    void printsBothReviews() {
        assertThat(demo.out())
                .contains("After-action review, as-recorded: crocus-city-hall-attack at 2024-03-22 19:58")
                .contains("After-action review, as-policy: crocus-city-hall-attack at 2024-03-22 19:58")
                .contains("  affected-party-never-warned [crocus-city-hall]: ")
                .contains("  warning-expired-before-incident [us-citizens-ru]: last warning W-1 expired at 2024-03-09 20:00 +03:00, 12 days before the incident")
                .contains("  incident-covered [crocus-city-hall]: ");
    }

    @Test
    void printsTheSideBySideSummary() {
        assertThat(demo.out())
                .containsPattern("\naffected parties +4 +4 *\n")
                .containsPattern("\nparties warned before the incident +3 +4 *\n")
                .containsPattern("\nstill covered at the incident +1 +4 *\n")
                .containsPattern("\nfailures of the duty to warn +[1-9][0-9]* +0 *\n")
                .containsPattern("\ncrocus-city-hall +never warned, 1 failure +covered *\n")
                .containsPattern("\nru-authorities +covered, 2 failures +covered *\n")
                .containsPattern("\nus-citizens-ru +warned, not covered, 4 failures +covered *\n");
    }

    @Test
    void endsWithBothExpectationsMet() {
        assertThat(demo.out()).endsWith("Expectations for as-recorded met: 12 findings, as expected.\n"
                + "Expectations for as-policy met: 4 findings, as expected.\n");
    }

    @Test
    void quietLeavesOutTheTimelinesOnly() {
        Cli.Result quiet = Cli.run("demo", "--quiet");

        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out()).doesNotContain("Timeline,").doesNotContain("report-received")
                .contains("\nIncident crocus-city-hall-attack: 137 killed, 182 injured at Crocus City Hall, 22 March 2024.\n")
                .contains("After-action review, as-recorded").contains("After-action review, as-policy")
                .containsPattern("\nstill covered at the incident +1 +4 *\n");
    }
}
