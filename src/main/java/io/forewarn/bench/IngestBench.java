package io.forewarn.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code forewarn bench ingest}: what a report costs through the real server when the casebook holds many
 * parties. It starts {@code forewarn serve} as a child process on a fresh database (an H2 file in the work
 * directory, or a new schema in the PostgreSQL given), imports the parties through {@code POST
 * /api/v1/parties/import} in documents of {@link #IMPORT_CHUNK} rows (venues with a site of 100 m to 1 km
 * radius spread over the same 2° × 4° around Moscow as {@code CasebookQueryBenchmark}), then offers one
 * constant rate to {@code GET /actuator/health} (the baseline) and to {@code POST /api/v1/reports}, each
 * report a site of the radius given drawn at random over the parties' area. A report's answer is given after
 * its obligations are committed, so the latency of a POST is the time from its due instant until its
 * obligations are visible. The two are measured in turns of {@link LoginBench#SLICE}, after a warm-up of both,
 * and the mean number of obligations a report opened is read from the server's own metrics afterwards.
 */
public final class IngestBench {

    public static final double GOAL_RATE = 200;
    public static final Duration GOAL_DURATION = Duration.ofMinutes(2);
    public static final double GOAL_P99_MILLIS = 50;
    static final int IMPORT_CHUNK = 10_000;
    /** The reports' warm-up starts at the rate divided by this and rises evenly to it. */
    static final double WARMUP_START = 10;
    /** The header of the CSV documents of {@link #venueRow}s. */
    static final String CSV_HEADER = "id,kind,audience,site,locality,region,country,lat,lon,radius-km,kinds\n";
    static final String ANALYST = "bench-analyst";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final double SOUTH = 55.0;
    private static final double WEST = 36.0;
    private static final double HEIGHT = 2.0;
    private static final double WIDTH = 4.0;
    private static final Pattern OBLIGATIONS = Pattern.compile("(?m)^forewarn_obligations\\{state=\"[a-z-]+\",?\\} ([0-9.E+]+)$");

    /**
     * How to run.
     *
     * @param parties    parties imported before the reports
     * @param load       the load offered in both stretches
     * @param siteMetres the radius of each report's site
     * @param seed       the seed of the places drawn, so that a run can be repeated
     * @param server     where the server runs
     */
    public record Run(int parties, Load load, double siteMetres, long seed, BenchServer.Options server) {
    }

    /** What a run found: the two stretches, the import's pace and the obligations a report opened on average. */
    public record Result(Measurement health, Measurement reports, double importRowsPerSecond, double obligationsPerReport) {
    }

    private IngestBench() {
    }

    public static Result run(Run run, PrintWriter out, PrintWriter progress) throws InterruptedException {
        Load load = run.load();
        try (BenchServer server = BenchServer.start(run.server(), Map.of(ANALYST, "analyst"), "", progress)) {
            ChildServer child = server.child();
            String bearer = server.bearer(ANALYST);
            double importRate = importParties(server, bearer, 0, run.parties(), new Random(run.seed()), progress);

            OpenLoop open = new OpenLoop(server.client(), load.maxInFlight(), REQUEST_TIMEOUT, progress);
            HttpRequest health = child.request("/actuator/health", null, REQUEST_TIMEOUT).GET().build();
            Random places = new Random(run.seed() + 1);
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
            String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
            AtomicLong sent = new AtomicLong();
            LongFunction<HttpRequest> report = n -> child.request("/api/v1/reports", bearer, REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report("R-" + runId + "-" + sent.getAndIncrement(), places,
                            run.siteMetres(), from))).build();
            if (!load.warmup().isZero()) {
                open.run("health warm-up", load.rate(), load.warmup(), Set.of(200), n -> health);
                // rising from a tenth of the rate: a server swamped while the JIT still compiles its code takes minutes
                // to reach its steady cost (docs/benchmarks.md); one brought up to the rate gets there in the warm-up
                open.ramp("reports warm-up", load.rate() / WARMUP_START, load.rate(), load.warmup(), Set.of(201), report);
            }
            Measurement healthMeasured = null;
            Measurement reportsMeasured = null;
            List<Measurement> healthTurns = new ArrayList<>();
            List<Measurement> reportTurns = new ArrayList<>();
            for (Duration done = Duration.ZERO; done.compareTo(load.duration()) < 0; done = done.plus(LoginBench.SLICE)) {
                Duration slice = load.duration().minus(done).compareTo(LoginBench.SLICE) < 0 ? load.duration().minus(done) : LoginBench.SLICE;
                Measurement h = server.stretch(open, "health", load.rate(), slice, Set.of(200), n -> health);
                healthMeasured = healthMeasured == null ? h : healthMeasured.plus(h);
                healthTurns.add(h);
                Measurement r = server.stretch(open, "reports", load.rate(), slice, Set.of(201), report);
                reportsMeasured = reportsMeasured == null ? r : reportsMeasured.plus(r);
                reportTurns.add(r);
            }
            double perReport = obligations(server, bearer) / Math.max(1, sent.get());

            server.describe(out, "ingest");
            out.println(String.format(Locale.ROOT, "- parties: %,d venues over 2° × 4° around Moscow, imported at %,.0f rows/s "
                    + "(documents of %,d rows through the API)", run.parties(), importRate, IMPORT_CHUNK));
            out.println(String.format(Locale.ROOT, "- reports: a site of %.0f m radius each, drawn at random over the parties' "
                    + "area; %,d sent (warm-up included), %.2f obligations opened a report on average", run.siteMetres(),
                    sent.get(), perReport));
            out.println(String.format(Locale.ROOT, "- load: %,.0f requests/s for %d s per stretch, after %d s of warm-up, "
                    + "at most %,d in flight", load.rate(), load.duration().toSeconds(), load.warmup().toSeconds(), load.maxInFlight()));
            out.println();
            out.print(ResultTable.render(healthMeasured, List.of(healthMeasured, reportsMeasured)));
            out.println();
            out.println("Reports turn by turn (" + LoginBench.SLICE.toSeconds() + " s each, after a turn of the baseline):");
            out.println();
            out.print(ResultTable.turns(healthTurns, reportTurns));
            out.println();
            out.println(goal(run, reportsMeasured));
            out.flush();
            return new Result(healthMeasured, reportsMeasured, importRate, perReport);
        }
    }

    static String goal(Run run, Measurement reports) {
        String figure = String.format(Locale.ROOT, "reports p99 %.2f ms at %,.0f/s offered (%,.1f/s achieved) for %d s over "
                        + "%,d parties, %,d errors", reports.millis(99), reports.offered(), reports.achieved(),
                run.load().duration().toSeconds(), run.parties(), reports.errors());
        String goal = "goal (200 reports/s at p99 ≤ 50 ms for 120 s over 100,000 parties) ";
        if (run.load().rate() < GOAL_RATE || run.load().duration().compareTo(GOAL_DURATION) < 0 || run.parties() < 100_000) {
            return goal + "not checked at this rate, duration or number of parties: " + figure;
        }
        boolean met = reports.millis(99) <= GOAL_P99_MILLIS && reports.errors() == 0 && reports.achieved() >= GOAL_RATE * 0.99;
        return goal + (met ? "met" : "NOT met") + ": " + figure;
    }

    /**
     * Imports the venues numbered {@code from} to {@code to - 1} ({@link #venueRow}) through {@code POST
     * /api/v1/parties/import}, in documents of {@link #IMPORT_CHUNK} rows, each of which must create every row; returns
     * rows per second.
     */
    static double importParties(BenchServer server, String bearer, int from, int to, Random places, PrintWriter progress)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int first = from; first < to; first += IMPORT_CHUNK) {
            int last = Math.min(to, first + IMPORT_CHUNK);
            StringBuilder csv = new StringBuilder(CSV_HEADER);
            for (int i = first; i < last; i++) {
                csv.append(venueRow(i, places)).append('\n');
            }
            JsonNode answer = ImportBench.post(server, bearer, csv.toString());
            if (answer.path("created").size() != last - first) {
                throw new IllegalStateException("the import of parties " + first + " to " + (last - 1) + " created "
                        + answer.path("created").size() + " and rejected " + answer.path("rejected"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.printf(Locale.ROOT, "parties: %,d of %,d imported, %,.0f rows/s%n", last, to, (last - from) / seconds);
            progress.flush();
        }
        return (to - from) / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    /** A venue of the CSV import: a site of 100 m to 1 km radius in one of 200 localities. */
    static String venueRow(int i, Random places) {
        double lat = SOUTH + places.nextDouble() * HEIGHT;
        double lon = WEST + places.nextDouble() * WIDTH;
        return String.format(Locale.ROOT, "venue-%d,venue,venue-operator,Venue %d,Locality %d,Moscow Oblast,RU,%.5f,%.5f,%.3f,concert hall",
                i, i, places.nextInt(200), lat, lon, 0.1 + places.nextDouble() * 0.9);
    }

    /** A credible report of a killing at a site drawn over the parties' area, targeting concert halls. */
    static String report(String id, Random places, double siteMetres, OffsetDateTime from) {
        return reportAt(id, SOUTH + places.nextDouble() * HEIGHT, WEST + places.nextDouble() * WIDTH, siteMetres, from);
    }

    /** The same report at a site given. */
    static String reportAt(String id, double lat, double lon, double siteMetres, OffsetDateTime from) {
        return String.format(Locale.ROOT, """
                {"id": "%s", "credibility": "B2", "harm": "killing",
                 "actor": {"type": "terrorist group"},
                 "target": {"class": "concert halls", "category": "mass gatherings"},
                 "place": {"site": {"name": "Site of %s", "lat": %.5f, "lon": %.5f, "radius-m": %.0f}, "country": "RU"},
                 "time": {"from": "%s", "to": "%s"},
                 "method": {"generic": "attack"}}
                """, id, id, lat, lon, siteMetres, from, from.plusDays(20));
    }

    /** Every obligation in the casebook, from the server's own gauge (all states). */
    private static double obligations(BenchServer server, String bearer) throws InterruptedException {
        try {
            // Current without waiting: the gauge is counted again on the first scrape after a change this server
            // committed (CaseMetrics), and each report's change committed before its answer came back.
            HttpResponse<String> metrics = server.client().send(server.child().request("/actuator/prometheus", bearer,
                            REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher counts = OBLIGATIONS.matcher(metrics.body());
            double total = 0;
            while (counts.find()) {
                total += Double.parseDouble(counts.group(1));
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("GET /actuator/prometheus failed: " + e.getMessage(), e);
        }
    }
}
