package io.forewarn.cli;

import io.forewarn.bench.CurvesBench;
import io.forewarn.bench.ImportBench;
import io.forewarn.bench.IngestBench;
import io.forewarn.bench.LoginBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code forewarn bench}: load through the real server, measured against a baseline of the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the real server under an open-loop load on 127.0.0.1 (see docs/benchmarks.md).",
        subcommands = {BenchCommand.Login.class, BenchCommand.Ingest.class, BenchCommand.Import.class, BenchCommand.Curves.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Start 'forewarn serve' as a child process on a fresh database and offer the same constant rate, "
                    + "one stretch after the other, to GET /actuator/health (the baseline), GET /api/v1/policy with a bearer "
                    + "token, the same with HTTP Basic (through the password cache), and the same with a wrong password "
                    + "(401, then 429). Prints rate offered and achieved, p50/p99/max latency from each request's due time, "
                    + "answers, errors and the ratio to the baseline; progress goes to standard error."},
            defaultValueProvider = Login.Defaults.class)
    static final class Login implements Callable<Integer> {

        /** The goal of issue 10: 500 token reads a second for 60 s. */
        static final class Defaults extends LoadOptions.Defaults {
            Defaults() {
                super("500", "60", "10");
            }
        }

        @Mixin
        LoadOptions load;

        @Mixin
        BenchServerOptions server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            LoginBench.run(new LoginBench.Run(load.load(), server.options()), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Start 'forewarn serve' as a child process on a fresh database, import the parties through the API, "
                    + "then offer the same constant rate, in turns, to GET /actuator/health (the baseline) and to POST "
                    + "/api/v1/reports, each report a site drawn at random over the parties' area (its answer comes after "
                    + "its obligations are committed), after a warm-up of each (the reports' rising from a tenth of the "
                    + "rate to it). Prints the import's rows/s, the obligations a report opened on "
                    + "average, rate offered and achieved, p50/p99/max latency from each request's due time and the ratio "
                    + "to the baseline, and the database's size at the end; progress goes to standard error."},
            defaultValueProvider = Ingest.Defaults.class)
    static final class Ingest implements Callable<Integer> {

        /**
         * The goal of issue 10: 200 reports a second for 2 minutes. The warm-up is three minutes, the reports' rising
         * to the rate: a report runs far more code than a login, and on the slower two-processor machines the server's
         * CPU a report halved over its first three to four minutes of reports (the JIT; docs/benchmarks.md), which is
         * the server's start, not the pace it holds.
         */
        static final class Defaults extends LoadOptions.Defaults {
            Defaults() {
                super("200", "120", "180");
            }
        }

        @Option(names = "--parties", paramLabel = "N", defaultValue = "100000",
                description = "Parties imported before the reports (default: ${DEFAULT-VALUE}).")
        int parties;

        @Option(names = "--site-radius", paramLabel = "METRES", defaultValue = "300",
                description = "The radius of each report's site (default: ${DEFAULT-VALUE}).")
        double siteMetres;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "The seed of the places drawn, so that a run can be repeated (default: ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        LoadOptions load;

        @Mixin
        BenchServerOptions server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (parties < 0 || !(siteMetres > 0) || !load.valid()) {
                throw new IllegalArgumentException("--parties must be 0 or more, --rate and --site-radius above 0, --duration 1 or "
                        + "more, --warmup 0 or more and --max-in-flight 1 or more");
            }
            IngestBench.run(new IngestBench.Run(parties, load.load(), siteMetres, seed, server.options()),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Start 'forewarn serve' as a child process on a new schema of the PostgreSQL given, import the parties "
                    + "through POST /api/v1/parties/import as CSV documents (one row in 10,000 bad, which must come back rejected "
                    + "at its line), then COPY the same documents into a table of text columns: rows/s of both and their ratio, "
                    + "the server's and PostgreSQL's CPU a row, and the floor (every row the import wrote, copied again into "
                    + "tables made like theirs); progress goes to standard error."})
    static final class Import implements Callable<Integer> {

        @Option(names = "--parties", paramLabel = "N", defaultValue = "1000000",
                description = "Rows imported, bad ones included (default: ${DEFAULT-VALUE}).")
        int parties;

        @Option(names = "--chunk", paramLabel = "ROWS", defaultValue = "10000",
                description = "Rows per document (default: ${DEFAULT-VALUE}; a document may hold at most 4 MiB).")
        int chunk;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
                description = "Documents posted at a time, each on its own connection (default: ${DEFAULT-VALUE}: the server reads "
                        + "one while PostgreSQL writes the other).")
        int concurrency;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "The seed of the places drawn (default: ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        BenchServerOptions server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (parties < 1 || chunk < 1 || chunk > 30_000 || concurrency < 1 || concurrency > 16) {
                throw new IllegalArgumentException("--parties must be 1 or more, --chunk from 1 to 30,000 rows (4 MiB a document) "
                        + "and --concurrency from 1 to 16");
            }
            ImportBench.run(new ImportBench.Run(parties, chunk, concurrency, seed, server.options()), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "curves", mixinStandardHelpOptions = true,
            description = {"Start 'forewarn serve' as a child process on a fresh database and, for each number of parties in turn "
                    + "(imported through the API), time one request after the other: a report that opens no obligation, what "
                    + "each obligation opened adds to a report, the first page of parties, obligations and events, and a "
                    + "deadline sweep (from the server's own timer). Prints the medians and their ratio to the first size, "
                    + "whether every figure stayed within 2x, and writes a plot (SVG)."})
    static final class Curves implements Callable<Integer> {

        @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "1000,10000,100000,1000000",
                description = "Numbers of parties, ascending (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--samples", paramLabel = "N", defaultValue = "30",
                description = "Requests of each kind timed at each size (default: ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "The seed of the places drawn (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--plot", paramLabel = "FILE", defaultValue = "bench-curves.svg",
                description = "Where the plot goes (default: ${DEFAULT-VALUE}).")
        Path plot;

        @Mixin
        BenchServerOptions server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            boolean ascending = !sizes.isEmpty() && sizes.get(0) > 0;
            for (int i = 1; i < sizes.size(); i++) {
                ascending &= sizes.get(i) > sizes.get(i - 1);
            }
            if (!ascending || samples < 1) {
                throw new IllegalArgumentException("--sizes must be numbers of parties above 0 in ascending order, and --samples 1 or more");
            }
            CurvesBench.run(new CurvesBench.Run(List.copyOf(sizes), samples, seed, plot, server.options()),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }
}
