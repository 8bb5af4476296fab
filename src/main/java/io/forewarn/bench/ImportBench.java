package io.forewarn.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code forewarn bench import}: the bulk import of parties through the real server on PostgreSQL, against
 * {@code COPY} of the same rows in the same run. It starts {@code forewarn serve} as a child process on a new
 * schema, posts the parties to {@code POST /api/v1/parties/import} as CSV documents of the size given (the same
 * venues as {@code bench ingest}, with one row in every {@link #BAD_EVERY} made bad, so that the pace is that of
 * an import that still checks and reports every row by its line), checks that each answer created every good row
 * and rejected each bad one at its line, then copies the same documents into a table of text columns with
 * PostgreSQL's {@code COPY} (no checks, no indexes): the baseline. Beside the rates it gives the CPU the server and
 * PostgreSQL spent a row (their sum bounds what any number of documents in flight can reach on this machine's
 * processors) and the floor of this design ({@link CopyFloor}): every row the import wrote, copied again by
 * PostgreSQL alone into tables with the same indexes.
 */
public final class ImportBench {

    public static final double GOAL_ROWS_PER_SECOND = 50_000;
    public static final int GOAL_PARTIES = 1_000_000;
    /** One row in this many is given a kind no party has, and must come back rejected at its line. */
    static final int BAD_EVERY = 10_000;
    static final String ANALYST = "bench-analyst";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * How to run.
     *
     * @param parties rows imported (bad ones included)
     * @param chunk   rows per document
     * @param concurrency documents posted at a time
     * @param seed    the seed of the places drawn
     * @param server  where the server runs: its database URL must name a PostgreSQL (a fresh schema is made and dropped)
     */
    public record Run(int parties, int chunk, int concurrency, long seed, BenchServer.Options server) {
    }

    /** Rows a second through the API and by {@code COPY}, and the rows rejected (each at its line). */
    public record Result(double apiRowsPerSecond, double copyRowsPerSecond, long created, long rejected) {
    }

    private ImportBench() {
    }

    public static Result run(Run run, PrintWriter out, PrintWriter progress) throws InterruptedException {
        if (run.server().databaseUrl().isEmpty()) {
            throw new IllegalArgumentException("bench import measures against PostgreSQL's COPY: give --db-url "
                    + "jdbc:postgresql://HOST:PORT/DB");
        }
        try (BenchServer server = BenchServer.start(run.server(), Map.of(ANALYST, "analyst"), "", progress)) {
            BenchSchema schema = server.schema().orElseThrow();
            String bearer = server.bearer(ANALYST);
            Map<String, Long> rowsBefore = CopyFloor.rowCounts(schema);
            Optional<ProcessTreeCpu> database = schema.postmaster().flatMap(ProcessTreeCpu::of);
            Duration serverCpu = server.child().cpuTime();
            Duration databaseCpu = database.map(ProcessTreeCpu::total).orElse(Duration.ZERO);
            Posted api = post(run, server, bearer, progress);
            serverCpu = server.child().cpuTime().minus(serverCpu);
            databaseCpu = database.map(ProcessTreeCpu::total).orElse(Duration.ZERO).minus(databaseCpu);
            double apiRate = run.parties() / seconds(api.nanos());

            progress.println("copying the import's rows again, table by table (PostgreSQL's floor for them)");
            progress.flush();
            List<CopyFloor.Table> floor = CopyFloor.copyAgain(schema, rowsBefore, server.directory(), progress);

            // the documents are made again from the same seed, so that no run holds all its rows at once; the clock runs
            // only while a document is copied, not while it is made
            long copied = 0;
            long copyNanos = 0;
            Documents documents = new Documents(run);
            for (int first = 0; first < run.parties(); first += run.chunk()) {
                String document = documents.next();
                long start = System.nanoTime();
                copied += schema.copy("bench_copy", document);
                copyNanos += System.nanoTime() - start;
            }
            double copy = copied / seconds(copyNanos);
            if (copied != run.parties()) {
                throw new IllegalStateException("COPY took " + copied + " rows of " + run.parties());
            }

            server.describe(out, "import");
            out.println(String.format(Locale.ROOT, "- rows: %,d venues in CSV documents of %,d rows, %d at a time; one in %,d bad "
                    + "(an unknown kind), each rejected at its line", run.parties(), run.chunk(), run.concurrency(), BAD_EVERY));
            out.println();
            out.println("| path | rows | created | rejected | rows/s | ÷ COPY | server CPU µs a row | PostgreSQL CPU µs a row |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            out.println(String.format(Locale.ROOT, "| `COPY` (baseline) | %,d | %,d | 0 | %,.0f | 1.00 × | | |", copied, copied, copy));
            out.println(String.format(Locale.ROOT, "| `POST /api/v1/parties/import` | %,d | %,d | %,d | %,.0f | %.3f × | %.1f | %s |",
                    run.parties(), api.created(), api.rejected(), apiRate, apiRate / copy, micros(serverCpu, run.parties()),
                    database.isPresent() ? String.format(Locale.ROOT, "%.1f", micros(databaseCpu, run.parties())) : "(unknown)"));
            out.println();
            floor(out, floor, api.created());
            if (database.isPresent()) {
                double cpuPerRow = micros(serverCpu.plus(databaseCpu), run.parties());
                out.println(String.format(Locale.ROOT, "At %.1f µs of CPU a row (server and PostgreSQL), %d processors can take at "
                        + "most %,.0f rows/s through the API, however many documents are sent at a time.", cpuPerRow,
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1e6 / cpuPerRow));
                out.println();
            }
            out.println(goal(run, apiRate));
            out.flush();
            return new Result(apiRate, copy, api.created(), api.rejected());
        }
    }

    /** The documents posted: the wall time from the first post to the last answer, and what the answers said. */
    private record Posted(long nanos, long created, long rejected) {
    }

    /**
     * Posts the documents with {@link Run#concurrency} of them in flight, each made while the ones before it are posted,
     * and checks every answer in order. The clock runs from the first post to the last answer.
     */
    private static Posted post(Run run, BenchServer server, String bearer, PrintWriter progress) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(run.concurrency());
        try {
            Documents documents = new Documents(run);
            ArrayDeque<Future<JsonNode>> inFlight = new ArrayDeque<>();
            long created = 0;
            long rejected = 0;
            int made = 0;
            int answered = 0;
            String next = documents.next();
            long start = System.nanoTime();
            while (next != null || !inFlight.isEmpty()) {
                if (next != null && inFlight.size() < run.concurrency()) {
                    String document = next;
                    inFlight.add(senders.submit(() -> post(server, bearer, document)));
                    made += run.chunk();
                    // the next document is made while this one is posted
                    next = made < run.parties() ? documents.next() : null;
                    continue;
                }
                JsonNode answer = answer(inFlight.remove());
                int rows = Math.min(run.chunk(), run.parties() - answered);
                checkAnswer(answer, answered, rows, badLines(answered, rows));
                created += answer.path("created").size();
                rejected += answer.path("rejected").size();
                answered += rows;
                progress.printf(Locale.ROOT, "api: %,d of %,d rows, %,.0f rows/s%n", answered, run.parties(),
                        answered / seconds(System.nanoTime() - start));
                progress.flush();
            }
            return new Posted(System.nanoTime() - start, created, rejected);
        } finally {
            senders.shutdownNow();
        }
    }

    private static JsonNode answer(Future<JsonNode> posted) throws InterruptedException {
        try {
            return posted.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** The floor: each table the import wrote, copied again by PostgreSQL alone, per party created. */
    private static void floor(PrintWriter out, List<CopyFloor.Table> tables, long parties) {
        out.println("The rows the import wrote, copied again by `COPY` into tables made like theirs (indexes, checks and foreign "
                + "keys), one table after the other: what PostgreSQL alone takes to store them.");
        out.println();
        out.println("| table | rows | rows a party | MB | s | µs a party |");
        out.println("|---|---:|---:|---:|---:|---:|");
        long rows = 0;
        long bytes = 0;
        Duration time = Duration.ZERO;
        for (CopyFloor.Table table : tables) {
            out.println(String.format(Locale.ROOT, "| `%s` | %,d | %.2f | %,.1f | %.2f | %.1f |", table.name(), table.rows(),
                    (double) table.rows() / parties, table.bytes() / 1e6, seconds(table.time().toNanos()),
                    micros(table.time(), parties)));
            rows += table.rows();
            bytes += table.bytes();
            time = time.plus(table.time());
        }
        out.println(String.format(Locale.ROOT, "| all, %,.0f parties/s | %,d | %.2f | %,.1f | %.2f | %.1f |",
                parties / seconds(time.toNanos()), rows, (double) rows / parties, bytes / 1e6, seconds(time.toNanos()),
                micros(time, parties)));
        out.println();
    }

    private static double micros(Duration time, long per) {
        return per == 0 ? 0 : time.toNanos() / 1000.0 / per;
    }

    static String goal(Run run, double api) {
        String figure = String.format(Locale.ROOT, "%,.0f rows/s through the API for %,d parties", api, run.parties());
        String goal = "goal (1,000,000 parties at ≥ 50,000 rows/s on PostgreSQL) ";
        if (run.parties() < GOAL_PARTIES) {
            return goal + "not checked at this number of parties: " + figure;
        }
        return goal + (api >= GOAL_ROWS_PER_SECOND ? "met" : "NOT met") + ": " + figure;
    }

    /** The CSV documents of a run, one after the other, each with its header; a row's line in its document is its index there plus 2. */
    static final class Documents {
        private final Run run;
        private final Random places;
        private int first;

        Documents(Run run) {
            this.run = run;
            this.places = new Random(run.seed());
        }

        String next() {
            StringBuilder csv = new StringBuilder(IngestBench.CSV_HEADER);
            for (int i = first; i < Math.min(run.parties(), first + run.chunk()); i++) {
                String row = IngestBench.venueRow(i, places);
                csv.append(i % BAD_EVERY == BAD_EVERY - 1 ? row.replace(",venue,", ",spaceship,") : row).append('\n');
            }
            first += run.chunk();
            return csv.toString();
        }
    }

    private static List<Integer> badLines(int first, int rows) {
        List<Integer> lines = new ArrayList<>();
        for (int i = first; i < first + rows; i++) {
            if (i % BAD_EVERY == BAD_EVERY - 1) {
                lines.add(i - first + 2);
            }
        }
        return lines;
    }

    /** Every good row created and every bad one rejected at its line, naming the field: nothing silently dropped. */
    private static void checkAnswer(JsonNode answer, int first, int rows, List<Integer> badLines) {
        List<Integer> rejectedLines = new ArrayList<>();
        for (JsonNode problem : answer.path("rejected")) {
            if (!"kind".equals(problem.path("field").asString())) {
                throw new IllegalStateException("rows " + first + "-" + (first + rows - 1) + ": unexpected problem " + problem);
            }
            rejectedLines.add(problem.path("row").asInt());
        }
        if (!rejectedLines.equals(badLines) || answer.path("created").size() != rows - badLines.size()) {
            throw new IllegalStateException("rows " + first + "-" + (first + rows - 1) + ": created "
                    + answer.path("created").size() + " of " + (rows - badLines.size()) + ", rejected lines " + rejectedLines
                    + " where " + badLines + " were bad");
        }
    }

    static JsonNode post(BenchServer server, String bearer, String csv) throws InterruptedException {
        HttpRequest request = server.child().request("/api/v1/parties/import", bearer, Duration.ofMinutes(10))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            HttpResponse<String> answer = server.client().send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/parties/import answered " + answer.statusCode() + ": "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST /api/v1/parties/import failed: " + e.getMessage(), e);
        }
    }

    private static double seconds(long nanos) {
        return Math.max(1e-9, nanos / 1e9);
    }
}
