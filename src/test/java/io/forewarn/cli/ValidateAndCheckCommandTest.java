package io.forewarn.cli;

import io.forewarn.Crocus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code scenario validate}, {@code policy check}, and how every command refuses a bad file. */
class ValidateAndCheckCommandTest {

    static final String MALFORMED = "scenario: broken\ntitle: a title\nparties: [{id: a, kind: public\nevents: []\n";

    @TempDir
    Path dir;

    @Test
    void validateNamesTheScenarioAndWhatItHolds() {
        Path crocus = Cli.copy(dir, Cli.CROCUS);

        Cli.Result result = Cli.run("scenario", "validate", crocus);

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(crocus + ": scenario crocus-2024 is valid: 4 parties, 7 events, "
                + "expectations for as-recorded, as-policy\n");
    }

    @Test
    void policyCheckSummarisesTheDefaultPolicy() {
        Path policy = Cli.copy(dir, "/policy/default-policy.yaml");

        Cli.Result result = Cli.run("policy", "check", policy);

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith(policy + ": policy v3 is valid\n")
                .contains("harms:       killing, serious-bodily-injury, kidnapping")
                .contains("credibility: at least D4")
                .contains("deadlines:   imminent 4 hours, default 1 day (imminent when the threat starts within "
                        + "3 days), no later than 1 day before the threat window opens")
                .contains("audiences:   foreign-government, individual, own-citizens, partner-government, public, venue-operator")
                .contains("escalation:  approver -> director")
                .contains("waiver:      unduly-endangers-sources-or-personnel approved by director, alternative required");
    }

    /** The commands that read a file, each with {@code FILE} where the file goes. */
    static List<String> command(String which, Path file, Path crocus) {
        return switch (which) {
            case "scenario validate" -> List.of("scenario", "validate", file.toString());
            case "scenario run" -> List.of("scenario", "run", file.toString());
            case "scenario run --policy" -> List.of("scenario", "run", crocus.toString(), "--policy", file.toString());
            case "policy check" -> List.of("policy", "check", file.toString());
            case "demo --policy" -> List.of("demo", "--policy", file.toString());
            default -> throw new IllegalArgumentException(which);
        };
    }

    static Cli.Result refused(List<String> args) {
        Cli.Result result = Cli.run(args.toArray());
        assertThat(result.exit()).as(args + "\n" + result.all()).isEqualTo(2);
        assertThat(result.out()).as(args.toString()).isEmpty();
        assertThat(result.err().lines()).as(args + " prints exactly one line").hasSize(1);
        assertThat(result.err()).as(args.toString()).startsWith("forewarn: ").endsWith("\n");
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario validate", "scenario run", "scenario run --policy", "policy check", "demo --policy"})
    void aMissingFileIsOneLineNamingIt(String which) {
        Path missing = dir.resolve("no-such-file.yaml");

        Cli.Result result = refused(command(which, missing, Cli.copy(dir, Cli.CROCUS)));

        assertThat(result.err()).contains(missing.toString()).contains("no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario validate", "scenario run", "scenario run --policy", "policy check", "demo --policy"})
    void malformedYamlIsOneLineWithLineAndColumn(String which) {
        Path file = Cli.write(dir, "malformed.yaml", MALFORMED);

        Cli.Result result = refused(command(which, file, Cli.copy(dir, Cli.CROCUS)));

        // the parser notices the unclosed flow mapping of line 3 at the ':' of line 4
        assertThat(result.err()).startsWith("forewarn: " + file + ":4:7: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario validate", "scenario run"})
    void anUnknownKeyInAScenarioIsNamedWithItsPosition(String which) {
        String text = Crocus.SCENARIO_TEXT;
        String typo = text.replace("      credibility: B2\n", "      credibilty: B2\n");
        assertThat(typo).isNotEqualTo(text);
        Path file = Cli.write(dir, "typo.yaml", typo);

        Cli.Result result = refused(command(which, file, file));

        assertThat(result.err()).startsWith("forewarn: " + file + ":" + lineOf(typo, "credibilty") + ":7: ")
                .contains("unknown key 'credibilty'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario run --policy", "policy check", "demo --policy"})
    void anUnknownKeyInAPolicyIsNamedWithItsPosition(String which) {
        String text = Cli.resource("/policy/default-policy.yaml");
        String typo = text.replace("\nvalidity: P7D\n", "\nvaldity: P7D\n");
        assertThat(typo).isNotEqualTo(text);
        Path file = Cli.write(dir, "typo-policy.yaml", typo);

        Cli.Result result = refused(command(which, file, Cli.copy(dir, Cli.CROCUS)));

        assertThat(result.err()).startsWith("forewarn: " + file + ":" + lineOf(typo, "valdity") + ":1: ")
                .contains("unknown key 'valdity'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario validate", "scenario run", "scenario run --policy", "policy check", "demo --policy"})
    void aYamlBombIsRefusedQuicklyInOneLine(String which) {
        StringBuilder bomb = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("lol").append(level).append(": &lol").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*lol" + (level - 1)))).append("]\n");
        }
        Path file = Cli.write(dir, "bomb.yaml", bomb.toString());
        Path crocus = Cli.copy(dir, Cli.CROCUS);

        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(command(which, file, crocus)));

        assertThat(result.err()).matches("forewarn: " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .*\\n")
                .contains("billion-laughs");
    }

    @Test
    void aPolicyIsNotAScenarioNorTheOtherWayRound() {
        Path crocus = Cli.copy(dir, Cli.CROCUS);
        Path policy = Cli.copy(dir, "/policy/default-policy.yaml");

        assertThat(refused(List.of("scenario", "validate", policy.toString())).err()).contains("unknown key 'version'");
        assertThat(refused(List.of("policy", "check", crocus.toString())).err()).contains("unknown key 'scenario'");
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }
}
