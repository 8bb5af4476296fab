package io.forewarn.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code forewarn bench login}: what a login costs per request, through the real server. It starts
 * {@code forewarn serve} as a child process with two logins (bcrypt at the cost of {@code forewarn user hash})
 * on a fresh database (an H2 file in the work directory, or a new schema in the PostgreSQL given, dropped
 * afterwards), then offers the same constant rate, one stretch after the other, to:
 * <ol>
 *   <li>{@code health}: {@code GET /actuator/health} without a login, the baseline;</li>
 *   <li>{@code bearer}: {@code GET /api/v1/policy} with a bearer token from {@code POST /api/v1/tokens};</li>
 *   <li>{@code basic}: the same with HTTP Basic, through the cache of checked passwords;</li>
 *   <li>{@code wrong-password}: the same with a wrong password, expected 401 until the login is locked out, then 429.</li>
 * </ol>
 * The first three are each offered first for the warm-up time at the same rate, unmeasured, all before the first
 * is measured; then they are measured in turns of {@link #SLICE} each until each has had its duration, so that a
 * drift (a server still compiling, a neighbour's load) weighs on all three alike; the wrong password comes
 * last, as it locks its login out. It prints the machine, the tables of
 * {@link ResultTable} and whether the goal (500 req/s at p99 ≤ 20 ms with a token, for 60 s) was met.
 */
public final class LoginBench {

    public static final double GOAL_RATE = 500;
    public static final Duration GOAL_DURATION = Duration.ofSeconds(60);
    public static final double GOAL_P99_MILLIS = 20;
    static final String READER = "bench-reader";
    static final String WRONGED = "bench-wrong";
    private static final String READ_PATH = "/api/v1/policy";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The reads are measured in turns of this long each. */
    static final Duration SLICE = Duration.ofSeconds(10);

    /**
     * How to run.
     *
     * @param rate         requests per second offered in every stretch
     * @param duration     how long each stretch is measured
     * @param warmup       how long each stretch but the wrong password's is offered unmeasured, before any is measured
     * @param port         the server's port (0: any free one)
     * @param databaseUrl  a PostgreSQL to run on (a fresh schema is made and dropped); empty: an H2 file
     * @param databaseUser its user (empty: the URL's or FOREWARN_DB_USER's)
     * @param workDirectory where the server runs; empty: a new temporary directory, removed afterwards
     * @param maxInFlight  requests outstanding at most
     * @param javaOptions  options of the server's JVM
     */
    public record Run(double rate, Duration duration, Duration warmup, int port, Optional<String> databaseUrl,
                      Optional<String> databaseUser, Optional<Path> workDirectory, int maxInFlight, List<String> javaOptions) {
    }

    private LoginBench() {
    }

    /** Runs the stretches; the tables go to {@code out}, progress to {@code progress}. */
    public static List<Measurement> run(Run run, PrintWriter out, PrintWriter progress) throws InterruptedException {
        String loadAtStart = Machine.loadAverage();
        Path directory = run.workDirectory().orElseGet(WorkDirectory::temporary);
        SecureRandom random = new SecureRandom();
        String password = HexFormat.of().formatHex(random.generateSeed(16));
        Path settings = BenchLogins.settings(directory, password, Map.of(READER, "oversight", WRONGED, "oversight"));
        Optional<BenchSchema> schema = run.databaseUrl().map(url -> BenchSchema.create(url, run.databaseUser(), System.getenv()));
        try (ChildServer server = ChildServer.start(directory, settings, run.port(),
                schema.map(BenchSchema::environment).orElse(Map.of()), run.javaOptions(), progress)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            OpenLoop load = new OpenLoop(client, run.maxInFlight(), REQUEST_TIMEOUT, progress);
            HttpRequest health = server.request("/actuator/health", null, REQUEST_TIMEOUT).GET().build();
            HttpRequest basic = server.request(READ_PATH, BenchLogins.basic(READER, password), REQUEST_TIMEOUT).GET().build();
            HttpRequest wrong = server.request(READ_PATH, BenchLogins.basic(WRONGED, password + "-but-wrong"), REQUEST_TIMEOUT)
                    .GET().build();

            HttpRequest bearer = server.request(READ_PATH, "Bearer " + server.token(client, BenchLogins.basic(READER, password)),
                    REQUEST_TIMEOUT).GET().build();
            // every path is warmed up before any is measured, so that none is measured while the JIT compiles the others
            if (!run.warmup().isZero()) {
                load.run("health warm-up", run.rate(), run.warmup(), Set.of(200), n -> health);
                load.run("bearer warm-up", run.rate(), run.warmup(), Set.of(200), n -> bearer);
                load.run("basic warm-up", run.rate(), run.warmup(), Set.of(200), n -> basic);
            }
            // the three reads are measured in turns of SLICE each, so that a server still warming up, or a neighbour's
            // load, weighs on all three alike rather than on whichever came first
            Measurement[] reads = new Measurement[3];
            HttpRequest[] requests = {health, bearer, basic};
            String[] names = {"health", "bearer", "basic"};
            for (Duration done = Duration.ZERO; done.compareTo(run.duration()) < 0; done = done.plus(SLICE)) {
                Duration slice = run.duration().minus(done).compareTo(SLICE) < 0 ? run.duration().minus(done) : SLICE;
                for (int i = 0; i < reads.length; i++) {
                    Measurement measured = stretch(load, server, run.rate(), slice, names[i], requests[i], Set.of(200));
                    reads[i] = reads[i] == null ? measured : reads[i].plus(measured);
                }
            }
            List<Measurement> results = new ArrayList<>(List.of(reads));
            results.add(stretch(load, server, run.rate(), run.duration(), "wrong-password", wrong, Set.of(401, 429)));

            out.println("## forewarn bench login");
            out.println();
            out.println(Machine.describe().strip());
            out.println("- load average: " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
            out.println("- database: " + schema.map(s -> "PostgreSQL " + s.url()).orElse("H2 file in " + directory));
            out.println("- server: " + String.join(" ", server.command()));
            out.println(String.format(Locale.ROOT, "- load: %,.0f requests/s for %d s per stretch, after %d s of warm-up, "
                    + "at most %,d in flight", run.rate(), run.duration().toSeconds(), run.warmup().toSeconds(), run.maxInFlight()));
            out.println();
            out.print(ResultTable.render(results.get(0), results));
            out.println();
            out.println(goal(run, results.get(1)));
            out.flush();
            return results;
        } finally {
            schema.ifPresent(BenchSchema::drop);
            if (run.workDirectory().isEmpty()) {
                WorkDirectory.delete(directory);
            }
        }
    }

    private static Measurement stretch(OpenLoop load, ChildServer server, double rate, Duration duration, String name,
                                       HttpRequest request, Set<Integer> expected) throws InterruptedException {
        Duration before = server.cpuTime();
        Measurement measured = load.run(name, rate, duration, expected, n -> request);
        return measured.withServerCpu(server.cpuTime().minus(before));
    }

    static String goal(Run run, Measurement bearer) {
        String figure = String.format(Locale.ROOT, "bearer p99 %.2f ms at %,.0f/s offered (%,.1f/s achieved) for %d s, "
                + "%,d errors", bearer.millis(99), bearer.offered(), bearer.achieved(), run.duration().toSeconds(), bearer.errors());
        if (run.rate() < GOAL_RATE || run.duration().compareTo(GOAL_DURATION) < 0) {
            return "goal (500 req/s at p99 ≤ 20 ms for 60 s, with a token) not checked at this rate or duration: " + figure;
        }
        boolean met = bearer.millis(99) <= GOAL_P99_MILLIS && bearer.errors() == 0
                && bearer.achieved() >= GOAL_RATE * 0.99;
        return "goal (500 req/s at p99 ≤ 20 ms for 60 s, with a token) " + (met ? "met" : "NOT met") + ": " + figure;
    }






}
