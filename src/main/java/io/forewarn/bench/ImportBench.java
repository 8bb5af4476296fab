package io.forewarn.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code forewarn bench import}: the bulk import of parties through the real server on PostgreSQL, against
 * {@code COPY} of the same rows in the same run. It starts {@code forewarn serve} as a child process on a new
 * schema, posts the parties to {@code POST /api/v1/parties/import} as CSV documents of the size given (the same
 * venues as {@code bench ingest}, with one row in every {@link #BAD_EVERY} made bad, so that the pace is that of
 * an import that still checks and reports every row by its line), checks that each answer created every good row
 * and rejected each bad one at its line, then copies the same documents into a table of text columns with
 * PostgreSQL's {@code COPY} (no checks, no indexes): the floor of what the database itself can take.
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
     * @param seed    the seed of the places drawn
     * @param server  where the server runs: its database URL must name a PostgreSQL (a fresh schema is made and dropped)
     */
    public record Run(int parties, int chunk, long seed, BenchServer.Options server) {
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
            // each document is made when it is sent, and made again from the same seed for COPY: no run holds all its
            // rows at once; the clocks run only while a document is posted or copied, not while it is made
            long created = 0;
            long rejected = 0;
            long apiNanos = 0;
            Documents documents = new Documents(run);
            for (int first = 0; first < run.parties(); first += run.chunk()) {
                String document = documents.next();
                long start = System.nanoTime();
                JsonNode answer = post(server, bearer, document);
                apiNanos += System.nanoTime() - start;
                int rows = Math.min(run.chunk(), run.parties() - first);
                List<Integer> badLines = badLines(first, rows);
                checkAnswer(answer, first, rows, badLines);
                created += answer.path("created").size();
                rejected += answer.path("rejected").size();
                progress.printf(Locale.ROOT, "api: %,d of %,d rows, %,.0f rows/s%n", first + rows, run.parties(),
                        (first + rows) / seconds(apiNanos));
                progress.flush();
            }
            double api = run.parties() / seconds(apiNanos);

            long copied = 0;
            long copyNanos = 0;
            documents = new Documents(run);
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
            out.println(String.format(Locale.ROOT, "- rows: %,d venues in CSV documents of %,d rows; one in %,d bad (an unknown kind), "
                    + "each rejected at its line", run.parties(), run.chunk(), BAD_EVERY));
            out.println();
            out.println("| path | rows | created | rejected | rows/s | ÷ COPY |");
            out.println("|---|---:|---:|---:|---:|---:|");
            out.println(String.format(Locale.ROOT, "| `COPY` (baseline) | %,d | %,d | 0 | %,.0f | 1.00 × |", copied, copied, copy));
            out.println(String.format(Locale.ROOT, "| `POST /api/v1/parties/import` | %,d | %,d | %,d | %,.0f | %.3f × |",
                    run.parties(), created, rejected, api, api / copy));
            out.println();
            out.println(goal(run, api));
            out.flush();
            return new Result(api, copy, created, rejected);
        }
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
