package io.forewarn.bench;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        Path directory = run.workDirectory().orElseGet(LoginBench::temporaryDirectory);
        SecureRandom random = new SecureRandom();
        String password = HexFormat.of().formatHex(random.generateSeed(16));
        Path settings = settings(directory, password);
        Optional<Schema> schema = run.databaseUrl().map(url -> Schema.create(url, run.databaseUser(), System.getenv()));
        try (ChildServer server = ChildServer.start(directory, settings, run.port(),
                schema.map(Schema::environment).orElse(Map.of()), run.javaOptions(), progress)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            OpenLoop load = new OpenLoop(client, run.maxInFlight(), REQUEST_TIMEOUT, progress);
            HttpRequest health = get(server, "/actuator/health", null);
            HttpRequest basic = get(server, READ_PATH, basic(READER, password));
            HttpRequest wrong = get(server, READ_PATH, basic(WRONGED, password + "-but-wrong"));

            HttpRequest bearer = get(server, READ_PATH, "Bearer " + token(client, server, password));
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
            schema.ifPresent(Schema::drop);
            if (run.workDirectory().isEmpty()) {
                delete(directory);
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

    private static String token(HttpClient client, ChildServer server, String password) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/tokens")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", basic(READER, password)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/tokens answered " + answer.statusCode());
            }
            return JSON.readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException("POST /api/v1/tokens failed: " + e.getMessage(), e);
        }
    }

    private static HttpRequest get(ChildServer server, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(REQUEST_TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The server's settings: the two logins, with hashes at the cost {@code forewarn user hash} uses. */
    private static Path settings(Path directory, String password) {
        String hash = new BCryptPasswordEncoder().encode(password);
        String yaml = "forewarn:\n  users:\n"
                + "    - name: " + READER + "\n      password-hash: \"" + hash + "\"\n      roles: [oversight]\n"
                + "    - name: " + WRONGED + "\n      password-hash: \"" + hash + "\"\n      roles: [oversight]\n";
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve("bench-settings.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server's settings in " + directory, e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("forewarn-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory", e);
        }
    }

    private static void delete(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory left behind is no failure of the run
        }
    }

    /** A fresh schema in the PostgreSQL given, for one run; dropped afterwards. */
    record Schema(String base, String name, Optional<String> user, Optional<String> password) {

        static Schema create(String url, Optional<String> user, Map<String, String> environment) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url takes a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB), not " + url);
            }
            Optional<String> login = user.or(() -> Optional.ofNullable(environment.get("FOREWARN_DB_USER")));
            Schema schema = new Schema(url, "forewarn_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)),
                    login, Optional.ofNullable(environment.get("FOREWARN_DB_PASSWORD")));
            schema.execute("CREATE SCHEMA " + schema.name());
            return schema;
        }

        String url() {
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("FOREWARN_DB_URL", url());
            user.ifPresent(value -> variables.put("FOREWARN_DB_USER", value));
            password.ifPresent(value -> variables.put("FOREWARN_DB_PASSWORD", value));
            return variables;
        }

        void drop() {
            execute("DROP SCHEMA " + name + " CASCADE");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(base, user.orElse(null), password.orElse(""));
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed on " + base + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "Schema[" + name + "]";
        }
    }
}
