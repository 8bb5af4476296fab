package io.forewarn.bench;

import io.forewarn.ForewarnProcess;
import io.forewarn.cli.ForewarnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn bench ingest} end to end at a low rate: it starts the real server as a child process, imports
 * the parties through the API, and each stretch gets exactly the requests due at its rate, answered as expected
 * (health 200, every report 201). Figures are not checked here: speed is what the bench measures.
 */
class IngestBenchTest {

    @TempDir
    Path directory;

    @Test
    void thePartiesAreImportedAndEveryReportDueIsReceived() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute(ForewarnProcess.benchWithQuickServer(
                "bench", "ingest", "--parties", "12000", "--rate", "10", "--duration", "3",
                "--warmup", "1", "--work-dir", directory.toString()));

        assertThat(exit).as("exit status; standard error:%n%s", err).isZero();
        String table = out.toString();
        assertThat(row(table, "health (baseline)")).containsSubsequence("10", "200: 30", "0", "1.00 ×", "1.00 ×");
        assertThat(row(table, "reports").get(6)).isEqualTo("201: 30");
        assertThat(row(table, "reports").get(7)).as("errors").isEqualTo("0");
        assertThat(table).contains("- parties: 12,000 venues over 2° × 4° around Moscow, imported at ")
                .contains("36 sent (warm-up included)")
                .contains("goal (200 reports/s at p99 ≤ 50 ms for 120 s over 100,000 parties) not checked");
        assertThat(err.toString()).contains("parties: 10,000 of 12,000 imported").contains("parties: 12,000 of 12,000 imported");
    }

    @Test
    void aBadOptionIsOneLineAndExitStatus2() {
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("bench", "ingest", "--rate", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("forewarn: --parties must be 0 or more, --rate and --site-radius above 0")
                .doesNotContain("\n");
    }

    private static List<String> row(String table, String stretch) {
        return table.lines().filter(line -> line.startsWith("| " + stretch + " |")).findFirst()
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList())
                .orElseThrow(() -> new AssertionError("no row " + stretch + " in:\n" + table));
    }
}
