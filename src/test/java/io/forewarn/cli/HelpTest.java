package io.forewarn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "scenario", "scenario run", "scenario validate", "policy", "policy check", "ledger",
            "ledger export", "ledger verify", "gazetteer", "gazetteer import", "gazetteer find"})
    void everyCommandHasHelp(String command) {
        String path = command.isEmpty() ? "forewarn" : "forewarn " + command;
        String[] args = (command + " --help").trim().split(" ");

        Cli.Result result = Cli.run((Object[]) args);

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: " + path + " [").contains("-h, --help");
    }

    @Test
    void runHelpExplainsTheExitCodesAndModes() {
        Cli.Result result = Cli.run("scenario", "run", "--help");

        assertThat(result.out()).contains("Exits 1 when the review does not produce the findings")
                .contains("--mode=MODE").contains("as-recorded, as-policy or both").contains("--json")
                .contains("--policy=FILE");
    }

    @Test
    void forewarnAloneListsItsCommands() {
        Cli.Result result = Cli.run();

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: forewarn").contains("demo").contains("scenario").contains("policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario run", "scenario run --bogus x.yaml", "policy check", "--bogus"})
    void aMissingArgumentOrUnknownOptionIsOneLineNotTheUsage(String command) {
        Cli.Result result = Cli.run((Object[]) command.split(" "));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("forewarn: ").endsWith("--help')\n").hasLineCount(1);
    }
}
