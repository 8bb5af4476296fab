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

    /** How to run: the load offered in every stretch, and where the server runs. */
    public record Run(Load load, BenchServer.Options server) {
    }

    private LoginBench() {
    }

    /** Runs the stretches; the tables go to {@code out}, progress to {@code progress}. */
    public static List<Measurement> run(Run run, PrintWriter out, PrintWriter progress) throws InterruptedException {
        Load load = run.load();
        try (BenchServer server = BenchServer.start(run.server(), Map.of(READER, "oversight", WRONGED, "oversight"), "",
                progress)) {
            ChildServer child = server.child();
            OpenLoop open = new OpenLoop(server.client(), load.maxInFlight(), REQUEST_TIMEOUT, progress);
            HttpRequest health = child.request("/actuator/health", null, REQUEST_TIMEOUT).GET().build();
            HttpRequest basic = child.request(READ_PATH, server.basic(READER), REQUEST_TIMEOUT).GET().build();
            HttpRequest wrong = child.request(READ_PATH, BenchLogins.basic(WRONGED, "a-wrong-password"), REQUEST_TIMEOUT)
                    .GET().build();
            HttpRequest bearer = child.request(READ_PATH, server.bearer(READER), REQUEST_TIMEOUT).GET().build();
            // every path is warmed up before any is measured, so that none is measured while the JIT compiles the others
            if (!load.warmup().isZero()) {
                open.run("health warm-up", load.rate(), load.warmup(), Set.of(200), n -> health);
                open.run("bearer warm-up", load.rate(), load.warmup(), Set.of(200), n -> bearer);
                open.run("basic warm-up", load.rate(), load.warmup(), Set.of(200), n -> basic);
            }
            // the three reads are measured in turns of SLICE each, so that a server still warming up, or a neighbour's
            // load, weighs on all three alike rather than on whichever came first
            Measurement[] reads = new Measurement[3];
            HttpRequest[] requests = {health, bearer, basic};
            String[] names = {"health", "bearer", "basic"};
            for (Duration done = Duration.ZERO; done.compareTo(load.duration()) < 0; done = done.plus(SLICE)) {
                Duration slice = load.duration().minus(done).compareTo(SLICE) < 0 ? load.duration().minus(done) : SLICE;
                for (int i = 0; i < reads.length; i++) {
                    HttpRequest request = requests[i];
                    Measurement measured = server.stretch(open, names[i], load.rate(), slice, Set.of(200), n -> request);
                    reads[i] = reads[i] == null ? measured : reads[i].plus(measured);
                }
            }
            List<Measurement> results = new ArrayList<>(List.of(reads));
            results.add(server.stretch(open, "wrong-password", load.rate(), load.duration(), Set.of(401, 429), n -> wrong));

            server.describe(out, "login");
            out.println(String.format(Locale.ROOT, "- load: %,.0f requests/s for %d s per stretch, after %d s of warm-up, "
                    + "at most %,d in flight", load.rate(), load.duration().toSeconds(), load.warmup().toSeconds(),
                    load.maxInFlight()));
            out.println();
            out.print(ResultTable.render(results.get(0), results));
            out.println();
            out.println(goal(load, results.get(1)));
            out.flush();
            return results;
        }
    }

    static String goal(Load load, Measurement bearer) {
        String figure = String.format(Locale.ROOT, "bearer p99 %.2f ms at %,.0f/s offered (%,.1f/s achieved) for %d s, "
                + "%,d errors", bearer.millis(99), bearer.offered(), bearer.achieved(), load.duration().toSeconds(), bearer.errors());
        if (load.rate() < GOAL_RATE || load.duration().compareTo(GOAL_DURATION) < 0) {
            return "goal (500 req/s at p99 ≤ 20 ms for 60 s, with a token) not checked at this rate or duration: " + figure;
        }
        boolean met = bearer.millis(99) <= GOAL_P99_MILLIS && bearer.errors() == 0
                && bearer.achieved() >= GOAL_RATE * 0.99;
        return "goal (500 req/s at p99 ≤ 20 ms for 60 s, with a token) " + (met ? "met" : "NOT met") + ": " + figure;
    }
}
