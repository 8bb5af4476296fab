package io.forewarn.bench;

import io.forewarn.ForewarnProcess;
import io.forewarn.cli.ForewarnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn bench login} end to end at a low rate: it starts the real server as a child process, and every
 * stretch gets exactly the requests due at its rate, answered as expected: the reads 200, the wrong password 401
 * ten times (the default limit per login) and 429 after. Figures are not checked here: speed is what the bench
 * measures, not what a test asserts.
 */
class LoginBenchTest {

    @TempDir
    Path directory;

    @Test
    void everyStretchGetsTheRequestsDueAnsweredAsExpected() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute(ForewarnProcess.benchWithQuickServer(
                "bench", "login", "--rate", "20", "--duration", "2", "--warmup", "1",
                "--work-dir", directory.toString()));

        assertThat(exit).as("exit status; standard error:%n%s", err).isZero();
        String table = out.toString();
        assertThat(row(table, "health (baseline)")).containsSubsequence("20", "200: 40", "0", "1.00 ×", "1.00 ×");
        assertThat(row(table, "bearer").get(6)).isEqualTo("200: 40");
        assertThat(row(table, "basic").get(6)).isEqualTo("200: 40");
        assertThat(row(table, "wrong-password").get(6)).isEqualTo("401: 10, 429: 30");
        assertThat(row(table, "wrong-password").get(7)).as("errors").isEqualTo("0");
        assertThat(table).contains("goal (500 req/s at p99 ≤ 20 ms for 60 s, with a token) not checked at this rate or duration")
                .contains("- processors (nproc): ");
        assertThat(err.toString()).contains("starting the server: ");
        assertThat(Files.readString(directory.resolve("server.log"))).contains("Forewarn serving at http://localhost:");
    }

    /** The cells of the first table's row of this stretch. */
    private static List<String> row(String table, String stretch) {
        return table.lines().filter(line -> line.startsWith("| " + stretch + " |")).findFirst()
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList())
                .orElseThrow(() -> new AssertionError("no row " + stretch + " in:\n" + table));
    }
}
