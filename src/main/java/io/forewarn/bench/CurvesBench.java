package io.forewarn.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code forewarn bench curves}: whether what one request costs stays flat as the casebook grows. It starts
 * {@code forewarn serve} as a child process on a fresh database, and for each number of parties in turn (the
 * parties imported through the API up to that number, the venues of {@code bench ingest}) it times, one
 * request after the other: receiving a report (a 300 m site drawn over the parties' area; its answer lists the
 * obligations it opened, so its cost is also given per obligation opened), the first page of parties, of
 * obligations and of events, and a deadline sweep (the server sweeps every second here; the mean of the turns
 * it took at this size, from its own timer). Each figure is the median of the samples at that size, and its
 * ratio to the same figure at the first size ({@link #first}: for the cost per obligation, the first size where most
 * reports opened one). The table goes to the output, and a plot of the ratios to an SVG
 * file.
 */
public final class CurvesBench {

    /** The bound of issue 10: each figure within 2× of its value at the first size. */
    public static final double FLAT = 2.0;
    static final String ANALYST = "bench-analyst";
    static final List<String> MEASURES = List.of("report, none opened", "report, per obligation opened", "first page of parties",
            "first page of obligations", "first page of events", "deadline sweep");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** South of every party's site (the parties' area starts at 55.0°), so that a report there opens nothing. */
    private static final double OUTSIDE_LAT = 54.9;
    private static final Pattern SWEEP = Pattern.compile(
            "(?m)^forewarn_deadline_sweep_seconds_(count|sum)\\{[^}]*outcome=\"(?:swept|nothing-due)\"[^}]*\\} ([0-9.E+-]+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * How to run.
     *
     * @param sizes   the numbers of parties, ascending
     * @param samples requests of each kind timed at each size
     * @param seed    the seed of the places drawn
     * @param plot    where the SVG plot goes
     * @param server  where the server runs
     */
    public record Run(List<Integer> sizes, int samples, long seed, Path plot, BenchServer.Options server) {
    }

    /**
     * The medians at one size, in milliseconds, in the order of {@link #MEASURES}; the obligations a report opened on
     * average, and the share of the reports that opened any (what the cost per obligation is the median of).
     */
    public record Point(int parties, double[] millis, double obligationsPerReport, double shareOpening) {
    }

    /** Index of the cost per obligation in {@link #MEASURES}. */
    static final int PER_OBLIGATION = 1;
    /** The cost per obligation is compared from the first size where at least this share of the reports opened one. */
    static final double MOST = 0.5;

    private CurvesBench() {
    }

    public static List<Point> run(Run run, PrintWriter out, PrintWriter progress) throws InterruptedException {
        try (BenchServer bench = BenchServer.start(run.server(), Map.of(ANALYST, "analyst"),
                "  scheduler:\n    interval: PT1S\n", progress)) {
            HttpClient client = bench.client();
            ChildServer server = bench.child();
            String bearer = bench.bearer(ANALYST);
            Random places = new Random(run.seed());
            Random sites = new Random(run.seed() + 1);
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
            String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
            List<Point> points = new ArrayList<>();
            int imported = 0;
            int reports = 0;
            for (int size : run.sizes()) {
                IngestBench.importParties(bench, bearer, imported, size, places, progress);
                imported = size;
                // one unmeasured round first, so the first size is not the one measured while the server compiles
                for (int warm = 0; warm < (points.isEmpty() ? run.samples() : 0); warm++) {
                    send(client, server.request("/api/v1/reports", bearer, REQUEST_TIMEOUT).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(IngestBench.report("W-" + runId + "-" + warm, sites, 300, from)))
                            .build());
                    pages(client, server, bearer);
                }
                double[][] samples = new double[MEASURES.size()][run.samples()];
                double[] inArea = new double[run.samples()];
                int[] openedBy = new int[run.samples()];
                long opened = 0;
                int opening = 0;
                for (int i = 0; i < run.samples(); i++) {
                    String id = "C-" + runId + "-" + (reports++);
                    samples[0][i] = timed(client, server, bearer, IngestBench.reportAt(id + "-outside", OUTSIDE_LAT,
                            sites.nextDouble() * 4 + 36, 300, from)).millis();
                    Timed report = timed(client, server, bearer, IngestBench.report(id, sites, 300, from));
                    inArea[i] = report.millis();
                    openedBy[i] = report.answer().path("obligations").size();
                    opened += openedBy[i];
                    opening += openedBy[i] > 0 ? 1 : 0;
                    double[] pages = pages(client, server, bearer);
                    for (int p = 0; p < pages.length; p++) {
                        samples[p + 2][i] = pages[p];
                    }
                }
                double[] medians = new double[MEASURES.size()];
                for (int m = 0; m < MEASURES.size() - 1; m++) {
                    medians[m] = m == PER_OBLIGATION ? Double.NaN : median(samples[m]);
                }
                medians[PER_OBLIGATION] = perObligation(inArea, openedBy, medians[0]);
                medians[MEASURES.size() - 1] = sweepMillis(client, server, bearer);
                Point point = new Point(size, medians, opened / (double) run.samples(), opening / (double) run.samples());
                points.add(point);
                progress.printf(Locale.ROOT, "%,d parties: %s%n", size, Arrays.toString(medians));
                progress.flush();
            }

            bench.describe(out, "curves");
            out.println(String.format(Locale.ROOT, "- each figure: the median of %d requests, one after the other, at each size; "
                    + "the sweep: the mean of the server's own timer over at least 3 turns", run.samples()));
            out.println();
            out.print(table(points));
            out.println();
            out.println(verdict(points));
            CurvesPlot.write(run.plot(), points);
            out.println("plot: " + run.plot().toAbsolutePath());
            out.flush();
            return points;
        }
    }

    static String table(List<Point> points) {
        StringBuilder out = new StringBuilder("| parties | obligations a report |");
        MEASURES.forEach(measure -> out.append(' ').append(measure).append(" ms | ÷ first |"));
        out.append("\n|---:|---:|");
        MEASURES.forEach(measure -> out.append("---:|---:|"));
        out.append('\n');
        for (Point point : points) {
            out.append(String.format(Locale.ROOT, "| %,d | %.2f |", point.parties(), point.obligationsPerReport()));
            for (int m = 0; m < MEASURES.size(); m++) {
                double ratio = ratio(point, first(points, m), m);
                out.append(Double.isNaN(point.millis()[m]) ? " — | — |"
                        : Double.isNaN(ratio) ? String.format(Locale.ROOT, " %.2f | — |", point.millis()[m])
                        : String.format(Locale.ROOT, " %.2f | %.2f × |", point.millis()[m], ratio));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String verdict(List<Point> points) {
        List<String> steep = new ArrayList<>();
        for (Point point : points) {
            for (int m = 0; m < MEASURES.size(); m++) {
                double ratio = ratio(point, first(points, m), m);
                if (ratio > FLAT) {
                    steep.add(String.format(Locale.ROOT, "%s at %,d parties (%.2f ×)", MEASURES.get(m), point.parties(), ratio));
                }
            }
        }
        String bound = String.format(Locale.ROOT, "flat (every figure within %.0f× of its value at the first size that has it, "
                + "%,d parties for all but the cost per obligation, compared from the first size where most reports opened one)",
                FLAT, points.get(0).parties());
        return steep.isEmpty() ? bound + ": yes" : bound + ": NO, " + String.join("; ", steep);
    }

    /**
     * The first size whose figure can be compared with: measured, and above zero. The cost per obligation is zero
     * where the reports that opened one were no slower than those that opened none (below what the bench resolves);
     * a ratio to that would be infinite, and the plot's scale with it. It is also compared only from the first size
     * where most reports opened an obligation: below that it is the median of a few reports (two of 30 at 1,000
     * parties), and a ratio to it says more about those two than about the server.
     */
    static Point first(List<Point> points, int measure) {
        return points.stream()
                .filter(point -> point.millis()[measure] > 0)
                .filter(point -> measure != PER_OBLIGATION || point.shareOpening() >= MOST)
                .findFirst().orElse(points.get(0));
    }

    /** The figure over its first value; NaN where either is missing, the first is not above zero or comes later. */
    static double ratio(Point point, Point first, int measure) {
        double base = first.millis()[measure];
        return base > 0 && point.parties() >= first.parties() ? point.millis()[measure] / base : Double.NaN;
    }

    /** The first page (50) of parties, obligations and events, each timed in milliseconds. */
    private static double[] pages(HttpClient client, ChildServer server, String bearer) throws InterruptedException {
        String[] paths = {"/api/v1/parties?size=50", "/api/v1/obligations?size=50", "/api/v1/events?size=50"};
        double[] millis = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            long start = System.nanoTime();
            send(client, server.request(paths[p], bearer, REQUEST_TIMEOUT).GET().build());
            millis[p] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** The mean of the sweeps the server times from now until at least 3 more have run. */
    private static double sweepMillis(HttpClient client, ChildServer server, String bearer) throws InterruptedException {
        double[] before = sweeps(client, server, bearer);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        double[] after = before;
        while (after[0] - before[0] < 3) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the server ran " + (after[0] - before[0]) + " sweeps in 2 minutes; see "
                        + server.log());
            }
            Thread.sleep(500);
            after = sweeps(client, server, bearer);
        }
        return (after[1] - before[1]) * 1000 / (after[0] - before[0]);
    }

    /** The count and the sum in seconds of the sweeps run (those that decided something and those that found nothing due), from the server's metrics. */
    private static double[] sweeps(HttpClient client, ChildServer server, String bearer) throws InterruptedException {
        HttpRequest request = server.request("/actuator/prometheus", bearer, REQUEST_TIMEOUT).GET().build();
        try {
            String metrics = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double[] countAndSum = new double[2];
            Matcher line = SWEEP.matcher(metrics);
            while (line.find()) {
                countAndSum["count".equals(line.group(1)) ? 0 : 1] += Double.parseDouble(line.group(2));
            }
            return countAndSum;
        } catch (IOException e) {
            throw new UncheckedIOException("GET /actuator/prometheus failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + answer.statusCode() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        }
    }

    /** A report's time and its answer. */
    private record Timed(double millis, JsonNode answer) {
    }

    private static Timed timed(HttpClient client, ChildServer server, String bearer, String report) throws InterruptedException {
        HttpRequest request = server.request("/api/v1/reports", bearer, REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report)).build();
        long start = System.nanoTime();
        JsonNode answer = send(client, request);
        return new Timed((System.nanoTime() - start) / 1e6, answer);
    }

    /**
     * What each obligation opened added to a report's time: over the reports that opened any, the median of their
     * time beyond that of a report that opened none, divided by the obligations they opened; NaN when none opened any.
     */
    static double perObligation(double[] millis, int[] opened, double noneOpened) {
        double[] each = java.util.stream.IntStream.range(0, millis.length).filter(i -> opened[i] > 0)
                .mapToDouble(i -> Math.max(0, millis[i] - noneOpened) / opened[i]).toArray();
        return each.length == 0 ? Double.NaN : median(each);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
