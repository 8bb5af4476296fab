package io.forewarn.bench;

import io.forewarn.ForewarnProcess;
import io.forewarn.OutsideTheRepository;
import io.forewarn.cli.ForewarnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn bench import} end to end on the test PostgreSQL, small: every good row is created through the
 * API, the bad ones (one in 10,000) come back rejected at their lines, and COPY takes every row. Figures are
 * not checked here: speed is what the bench measures.
 */
class ImportBenchTest {

    @TempDir
    Path directory;

    @Test
    void everyGoodRowIsCreatedAndEveryBadOneRejectedAndCopyTakesThemAll() {
        OutsideTheRepository.postgres();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute(ForewarnProcess.benchWithQuickServer(
                "bench", "import", "--parties", "25000", "--concurrency", "2", "--db-url", OutsideTheRepository.POSTGRES_URL,
                "--db-user", OutsideTheRepository.POSTGRES_USER, "--work-dir", directory.toString()));

        assertThat(exit).as("exit status; standard error:%n%s", err).isZero();
        assertThat(out.toString())
                .contains("- rows: 25,000 venues in CSV documents of 10,000 rows, 2 at a time")
                .containsPattern("\\| `COPY` \\(baseline\\) \\| 25,000 \\| 25,000 \\| 0 \\| [0-9,]+ \\| 1\\.00 × \\| \\| \\|")
                .containsPattern("\\| `POST /api/v1/parties/import` \\| 25,000 \\| 24,998 \\| 2 \\| [0-9,]+ \\| [0-9.]+ × \\| [0-9.]+ \\| [0-9.]+ \\|")
                // the floor copies every row the import wrote: one party row and one event a party created
                .containsPattern("\\| `party` \\| 24,998 \\| 1\\.00 \\|")
                .containsPattern("\\| `duty_event` \\| 2[0-9],[0-9]{3} \\| 1\\.00 \\|")
                .containsPattern("\\| `ledger_entry` \\| 2[0-9],[0-9]{3} \\| 1\\.00 \\|")
                .containsPattern("processors can take at most [0-9,]+ rows/s through the API")
                .contains("goal (1,000,000 parties at ≥ 50,000 rows/s on PostgreSQL) not checked");
        assertThat(err.toString()).contains("api: 10,000 of 25,000 rows").contains("api: 25,000 of 25,000 rows")
                .contains("copying the import's rows again").containsPattern("floor: party, 24,998 rows copied again in [0-9.]+ s");
    }

    @Test
    void withoutAPostgresqlItSaysSoInOneLine() {
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("bench", "import", "--parties", "10");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("forewarn: bench import measures against PostgreSQL's COPY: give --db-url "
                + "jdbc:postgresql://HOST:PORT/DB");
    }
}
