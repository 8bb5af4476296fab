package io.forewarn.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs the ledger benchmarks ({@code mvn -B -Pbench test}, see docs/benchmarks.md): describes the machine, fills
 * the 1,000,000-entry ledgers the proof benchmarks read (once per run, not per trial), runs JMH (one fork per
 * benchmark, few iterations of a few seconds), then prints each figure beside its baseline from the same run and whether the
 * goals are met, writes JMH's JSON and that summary under target/, and removes the databases it made.
 *
 * <p>System properties: {@code bench.include} (JMH regex), {@code bench.db} ({@code h2,postgresql}),
 * {@code bench.warmup}, {@code bench.iterations}, {@code bench.time} (seconds per iteration; unset, each
 * class's own {@code @Warmup} and {@code @Measurement}), {@code bench.entries},
 * {@code bench.result}, {@code bench.summary}, {@code bench.work}, {@code bench.gazetteer.cities} (a cities1000.txt), {@code forewarn.bench.postgres.url} and {@code .user}.
 */
public final class BenchMain {

    static final double APPEND_GOAL_PER_SECOND = 20_000;
    static final double INCLUSION_GOAL_MICROSECONDS = 1_000;

    private static final String PACKAGE = "io.forewarn.bench.";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchDatabase.quietLogs();
        String include = System.getProperty("bench.include", "io\\.forewarn\\.bench\\..*");
        List<String> dbs = List.of(System.getProperty("bench.db", "h2,postgresql").split(","));
        // unset: each benchmark class's own @Warmup and @Measurement
        Optional<Integer> warmup = number("bench.warmup");
        Optional<Integer> iterations = number("bench.iterations");
        Optional<Integer> seconds = number("bench.time");
        long entries = ProofFixture.entries();
        Path work = ProofFixture.work().toAbsolutePath();
        Path result = Path.of(System.getProperty("bench.result", "target/jmh-result.json")).toAbsolutePath();
        Path summary = Path.of(System.getProperty("bench.summary", "target/jmh-summary.md")).toAbsolutePath();
        Files.createDirectories(result.getParent());

        StringBuilder out = new StringBuilder();
        out.append("## Machine\n\n").append(machine(dbs)).append('\n');
        out.append("## Settings\n\n").append(String.format(Locale.ROOT,
                "JMH 1.37, forks 1, -Xms2g -Xmx2g; warm-up and measurement iterations %s (see the table); ledgers for proofs of"
                        + " %,d entries; include %s; db %s%n%n",
                warmup.isEmpty() && iterations.isEmpty() && seconds.isEmpty() ? "as each benchmark class declares"
                        : "overridden: warm-up " + warmup.map(String::valueOf).orElse("(class's)") + ", measurement "
                        + iterations.map(String::valueOf).orElse("(class's)") + ", " + seconds.map(s -> s + " s").orElse("(class's time)")
                        + " each",
                entries, include, String.join(",", dbs)));
        System.out.print(out);

        List<BenchDatabase> fixtures = new ArrayList<>();
        Thread cleanup = new Thread(() -> fixtures.forEach(BenchMain::quietlyClose), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<String> jvmArgs = new ArrayList<>(List.of("-Xms2g", "-Xmx2g", "-Dbench.entries=" + entries, "-Dbench.work=" + work,
                    "-Dforewarn.bench.postgres.url=" + BenchDatabase.POSTGRES_URL,
                    "-Dforewarn.bench.postgres.user=" + BenchDatabase.POSTGRES_USER,
                    "-Dbench.gazetteer.cities=" + System.getProperty("bench.gazetteer.cities", "")));
            Pattern included = Pattern.compile(include);
            if (List.of("inclusionProof", "consistencyProof", "baselineReadEntry").stream()
                    .anyMatch(method -> included.matcher(PACKAGE + "LedgerProofBenchmark." + method).find())) {
                StringBuilder fill = new StringBuilder("## Proof fixtures\n\n");
                for (String db : dbs) {
                    BenchDatabase fixture = BenchDatabase.create(db, work, "proof");
                    fixtures.add(fixture);
                    System.out.printf(Locale.ROOT, "filling the %s ledger with %,d entries (appendAll, %,d a transaction)...%n",
                            db, entries, ProofFixture.CHUNK);
                    double took = ProofFixture.fill(fixture, entries);
                    ProofFixture.check(fixture.database().casebook().ledger(), entries);
                    fixture.detach();
                    jvmArgs.add("-D" + ProofFixture.PROPERTY + db + "=" + fixture.location());
                    fill.append(String.format(Locale.ROOT, "- %s: %,d entries appended in %.1f s (%,.0f entries/s, one pass, not a JMH figure)%n",
                            db, entries, took, entries / took));
                }
                fill.append('\n');
                System.out.print(fill);
                out.append(fill);
            }
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(include)
                    .param("db", dbs.toArray(String[]::new))
                    .forks(1)
                    .resultFormat(ResultFormatType.JSON)
                    .result(result.toString())
                    .jvmArgsAppend(jvmArgs.toArray(String[]::new));
            warmup.ifPresent(options::warmupIterations);
            iterations.ifPresent(options::measurementIterations);
            seconds.ifPresent(time -> options.warmupTime(TimeValue.seconds(time)).measurementTime(TimeValue.seconds(time)));
            Collection<RunResult> results = new Runner(options.build()).run();
            String report = report(results, entries);
            out.append(report);
            out.append(String.format(Locale.ROOT, "Load average at the end: %s%n", Machine.loadAverage()));
            System.out.println();
            System.out.print(report);
            Files.writeString(summary, out, StandardCharsets.UTF_8);
            System.out.println("JMH results: " + result);
            System.out.println("summary: " + summary);
        } finally {
            fixtures.forEach(BenchMain::quietlyClose);
            fixtures.clear();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static Optional<Integer> number(String property) {
        return Optional.ofNullable(System.getProperty(property)).map(String::strip).filter(value -> !value.isEmpty())
                .map(Integer::valueOf);
    }

    private static void quietlyClose(BenchDatabase database) {
        try {
            database.close();
        } catch (RuntimeException failed) {
            System.err.println("could not remove " + database.kind() + " " + database.location() + ": " + failed.getMessage());
        }
    }

    // --- the report

    /** Figures, each with its baseline from this run and the ratio, and the goals. */
    static String report(Collection<RunResult> results, long entries) {
        Map<String, Result<?>> byKey = new LinkedHashMap<>();
        Map<String, String> iterations = new LinkedHashMap<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark().substring(PACKAGE.length());
            String db = run.getParams().getParam("db");
            StringBuilder others = new StringBuilder();
            for (String param : run.getParams().getParamsKeys()) {
                if (!param.equals("db")) {
                    others.append(", ").append(param).append(' ').append(run.getParams().getParam(param));
                }
            }
            String key = benchmark + (db == null ? "" : " [" + db + others + "]");
            byKey.put(key, run.getPrimaryResult());
            iterations.put(key, String.format(Locale.ROOT, "%d × %s + %d × %s", run.getParams().getWarmup().getCount(),
                    run.getParams().getWarmup().getTime(), run.getParams().getMeasurement().getCount(),
                    run.getParams().getMeasurement().getTime()));
        }
        StringBuilder table = new StringBuilder("## Figures\n\n");
        table.append("Score ± error is JMH's 99.9% confidence interval over the measurement iterations.\n\n");
        table.append("Iterations: warm-up count × time + measured count × time, one fork.\n\n");
        table.append("| benchmark | db | score ± error | unit | baseline | ratio | iterations |\n");
        table.append("|---|---|---:|---|---|---:|---|\n");
        for (Map.Entry<String, Result<?>> figure : byKey.entrySet()) {
            String key = figure.getKey();
            String benchmark = key.contains(" [") ? key.substring(0, key.indexOf(" [")) : key;
            String db = key.contains(" [") ? key.substring(key.indexOf(" [") + 2, key.length() - 1) : "memory";
            String suffix = key.substring(benchmark.length());
            Result<?> score = figure.getValue();
            String baselineName = baselineOf(benchmark);
            String ratio = "";
            String baselineLabel = "";
            if (!benchmark.equals(baselineName) || key.contains("pool ") && !key.contains("pool 16")) {
                // the pool benchmark's baseline is the same work with the largest pool
                Result<?> baseline = byKey.get(baselineName + suffix.replaceAll("pool \\d+", "pool 16"));
                baselineLabel = baselineName.substring(baselineName.indexOf('.') + 1);
                if (baseline != null) {
                    double r = score.getScore() / baseline.getScore();
                    ratio = benchmark.startsWith("LedgerAppendBenchmark") || benchmark.startsWith("PoolSizeBenchmark")
                            || benchmark.startsWith("DeliveryThroughputBenchmark")
                            ? String.format(Locale.ROOT, "%.2f × its throughput", r)
                            : String.format(Locale.ROOT, "%.1f × its time", r);
                } else {
                    ratio = "(baseline not run)";
                }
            } else {
                baselineLabel = "(is the baseline)";
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", benchmark, db, scoreText(score),
                    score.getScoreUnit(), baselineLabel, ratio, iterations.get(key)));
        }
        table.append('\n').append("## Goals\n\n");
        for (String db : List.of("h2", "postgresql")) {
            goal(table, byKey.get("LedgerAppendBenchmark.appendAll [" + db + "]"),
                    "≥ 20,000 appends/s batched (appendAll), " + db, true, APPEND_GOAL_PER_SECOND);
        }
        for (String db : List.of("h2", "postgresql")) {
            goal(table, byKey.get("LedgerProofBenchmark.inclusionProof [" + db + "]"),
                    String.format(Locale.ROOT, "inclusion proof ≤ 1 ms at %,d entries, %s", entries, db), false, INCLUSION_GOAL_MICROSECONDS);
        }
        goal(table, byKey.get("MemoryProofBenchmark.inclusionProof"), String.format(Locale.ROOT, "inclusion proof ≤ 1 ms at %,d entries, in memory", entries),
                false, INCLUSION_GOAL_MICROSECONDS);
        table.append('\n');
        return table.toString();
    }

    private static String baselineOf(String benchmark) {
        if (benchmark.startsWith("LedgerAppendBenchmark.")) {
            return "LedgerAppendBenchmark.baselinePlainInsert";
        }
        if (benchmark.startsWith("LedgerProofBenchmark.")) {
            return "LedgerProofBenchmark.baselineReadEntry";
        }
        if (benchmark.startsWith("CasebookQueryBenchmark.")) {
            return "CasebookQueryBenchmark.baselinePartyById";
        }
        if (benchmark.startsWith("MemoryProofBenchmark.")) {
            return "MemoryProofBenchmark.baselineSha256Leaf";
        }
        if (benchmark.startsWith("LeakCheckBenchmark.")) {
            return "LeakCheckBenchmark.baselineLowerCaseWords";
        }
        if (benchmark.startsWith("GazetteerImportBenchmark.")) {
            return "GazetteerImportBenchmark.baselinePlainInsert";
        }
        if (benchmark.equals("DeliveryThroughputBenchmark.enqueueThroughTheListener")) {
            return "DeliveryThroughputBenchmark.baselinePlainBatchedInsert";
        }
        if (benchmark.equals("DeliveryThroughputBenchmark.dispatchToALocalReceiver")) {
            return "DeliveryThroughputBenchmark.baselineClaimOnly";
        }
        return benchmark;
    }

    private static String scoreText(Result<?> score) {
        double value = score.getScore();
        String format = value >= 100 ? "%,.0f ± %,.0f" : value >= 1 ? "%.2f ± %.2f" : "%.3f ± %.3f";
        if (Double.isNaN(score.getScoreError())) {
            return String.format(Locale.ROOT, format.substring(0, format.indexOf(" ±")), value) + " ± n/a";
        }
        return String.format(Locale.ROOT, format, value, score.getScoreError());
    }

    /** Met or not on the mean, and whether the whole confidence interval agrees. */
    private static void goal(StringBuilder out, Result<?> score, String goal, boolean atLeast, double target) {
        if (score == null) {
            out.append("- ").append(goal).append(": not run\n");
            return;
        }
        double[] interval = score.getScoreConfidence();
        boolean known = !Double.isNaN(interval[0]) && !Double.isNaN(interval[1]);
        boolean met = atLeast ? score.getScore() >= target : score.getScore() <= target;
        boolean wholeInterval = known && (atLeast ? interval[0] >= target : interval[1] <= target);
        boolean noneOfInterval = known && (atLeast ? interval[1] < target : interval[0] > target);
        String verdict = met
                ? (wholeInterval ? "MET" : "met on the mean, not over the whole interval")
                : (noneOfInterval || !known ? "NOT MET" : "not met on the mean, though the interval reaches it");
        out.append(String.format(Locale.ROOT, "- %s: %s (%s %s; 99.9%% interval %s)%n", goal, verdict,
                scoreText(score), score.getScoreUnit(),
                known ? String.format(Locale.ROOT, "%,.1f to %,.1f", interval[0], interval[1]) : "not computed: too few iterations"));
    }

    // --- the machine

    static String machine(List<String> dbs) {
        StringBuilder out = new StringBuilder(Machine.describe());
        out.append("- H2: ").append(version("jdbc:h2:mem:", "sa", "")).append('\n');
        if (dbs.contains("postgresql")) {
            out.append("- PostgreSQL: ").append(version(BenchDatabase.POSTGRES_URL, BenchDatabase.POSTGRES_USER,
                    BenchDatabase.POSTGRES_PASSWORD)).append(" at ").append(BenchDatabase.POSTGRES_URL).append('\n');
        }
        out.append("- load average at the start: ").append(Machine.loadAverage()).append('\n');
        return out.toString();
    }

    private static String version(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion()
                    + " (JDBC driver " + connection.getMetaData().getDriverVersion() + ")";
        } catch (SQLException failed) {
            return "(unreachable: " + failed.getMessage() + ")";
        }
    }
}
