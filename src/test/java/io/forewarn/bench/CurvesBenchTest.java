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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn bench curves}: end to end at two small sizes (every figure measured, the table, the verdict and
 * the plot written), and its verdict and cost per obligation on figures given.
 */
class CurvesBenchTest {

    @TempDir
    Path directory;

    @Test
    void everyFigureIsMeasuredAtEachSizeAndPlotted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        Path plot = directory.resolve("plots/curves.svg");

        int exit = command.execute(ForewarnProcess.benchWithQuickServer(
                "bench", "curves", "--sizes", "200,600", "--samples", "3", "--plot", plot.toString(),
                "--work-dir", directory.resolve("server").toString()));

        assertThat(exit).as("exit status; standard error:%n%s", err).isZero();
        String table = out.toString();
        assertThat(table).containsPattern("(?m)^\\| 200 \\| [0-9.]+ \\| [0-9.]+ \\| 1\\.00 × \\| ")
                .containsPattern("(?m)^\\| 600 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ × \\| ")
                .contains("flat (every figure within 2× of its value at the first size that has it")
                .contains("plot: " + plot.toAbsolutePath());
        String svg = Files.readString(plot);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains(">200</text>").contains(">600</text>");
        for (String measure : CurvesBench.MEASURES) {
            assertThat(svg).contains(">" + measure + "</text>");
        }
        assertThat(err.toString()).contains("parties: 600 of 600 imported");
    }

    @Test
    void theVerdictNamesEachFigureThatGrewPastTwiceItsFirstValue() {
        List<CurvesBench.Point> points = List.of(
                new CurvesBench.Point(1_000, new double[]{10, Double.NaN, 5, 5, 5, 2}, 0.1, 0.0),
                new CurvesBench.Point(10_000, new double[]{12, 4, 5, 5, 5, 2}, 1.0, 0.6),
                new CurvesBench.Point(100_000, new double[]{25, 9, 5, 5, 11, 2}, 10.0, 1.0));

        assertThat(CurvesBench.verdict(points)).endsWith(": NO, report, none opened at 100,000 parties (2.50 ×); "
                + "report, per obligation opened at 100,000 parties (2.25 ×); first page of events at 100,000 parties (2.20 ×)");
        assertThat(CurvesBench.table(points)).contains("| 1,000 | 0.10 | 10.00 | 1.00 × | — | — |")
                .contains("| 10,000 | 1.00 | 12.00 | 1.20 × | 4.00 | 1.00 × |");
    }

    @Test
    void aCostPerObligationOfZeroIsNoBaseAndThePlotIsStillDrawn() {
        List<CurvesBench.Point> points = List.of(
                new CurvesBench.Point(1_000, new double[]{10, 0, 5, 5, 5, 2}, 0.1, 0.6),
                new CurvesBench.Point(10_000, new double[]{12, 0.8, 5, 5, 5, 2}, 1.0, 0.6),
                new CurvesBench.Point(100_000, new double[]{11, 1.2, 5, 5, 5, 2}, 10.0, 1.0));

        assertThat(CurvesBench.table(points)).contains("| 1,000 | 0.10 | 10.00 | 1.00 × | 0.00 | — |")
                .contains("| 10,000 | 1.00 | 12.00 | 1.20 × | 0.80 | 1.00 × |")
                .contains("| 100,000 | 10.00 | 11.00 | 1.10 × | 1.20 | 1.50 × |");
        assertThat(CurvesBench.verdict(points)).endsWith(": yes");
        assertThat(CurvesPlot.svg(points)).contains(">2×</text>").doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void theCostPerObligationIsComparedFromTheFirstSizeWhereMostReportsOpenedOne() {
        // the last session's PostgreSQL run (docs/benchmarks.md); below 100,000 parties a report opened fewer than one
        // obligation on average, so at most that share of the reports opened any
        List<CurvesBench.Point> points = List.of(
                new CurvesBench.Point(1_000, new double[]{19.06, 1.16, 13.74, 11.77, 10.56, 3.91}, 0.07, 0.07),
                new CurvesBench.Point(10_000, new double[]{19.75, 7.02, 15.02, 15.38, 12.29, 2.45}, 0.40, 0.40),
                new CurvesBench.Point(100_000, new double[]{15.50, 0.93, 9.24, 9.61, 7.24, 3.70}, 4.97, 1.0),
                new CurvesBench.Point(1_000_000, new double[]{13.38, 0.49, 7.59, 9.15, 5.75, 2.63}, 46.07, 1.0));

        assertThat(CurvesBench.table(points)).contains("| 1,000 | 0.07 | 19.06 | 1.00 × | 1.16 | — |")
                .contains("| 10,000 | 0.40 | 19.75 | 1.04 × | 7.02 | — |")
                .contains("| 100,000 | 4.97 | 15.50 | 0.81 × | 0.93 | 1.00 × |")
                .contains("| 1,000,000 | 46.07 | 13.38 | 0.70 × | 0.49 | 0.53 × |");
        assertThat(CurvesBench.verdict(points)).contains("compared from the first size where most reports opened one")
                .endsWith(": yes");
    }

    @Test
    void whatAnObligationAddsIsTheTimeBeyondAReportThatOpenedNoneOverTheObligationsOpened() {
        assertThat(CurvesBench.perObligation(new double[]{30, 50, 12, 90}, new int[]{2, 4, 0, 8}, 10)).isEqualTo(10.0);
        assertThat(CurvesBench.perObligation(new double[]{30, 50}, new int[]{0, 0}, 10)).isNaN();
    }
}
