package io.forewarn.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The server a bench measures, as every bench starts it: a work directory (the one given, or a temporary one
 * removed afterwards), a settings file with the bench's logins (one random password) and any settings of its
 * own, a fresh PostgreSQL schema when a database URL was given (dropped afterwards; otherwise an embedded H2
 * file in the directory), {@code forewarn serve} as a {@link ChildServer}, and one HTTP client. It also prints
 * the lines every bench's report starts with, and measures a stretch of load with the server's CPU time.
 */
public final class BenchServer implements AutoCloseable {

    /**
     * Where and how the server runs.
     *
     * @param port          the server's port (0: any free one)
     * @param databaseUrl   a PostgreSQL to run on (a fresh schema is made and dropped); empty: an H2 file
     * @param databaseUser  its user (empty: FOREWARN_DB_USER's)
     * @param workDirectory where the server runs; empty: a new temporary directory, removed afterwards
     * @param javaOptions   options of the server's JVM
     */
    public record Options(int port, Optional<String> databaseUrl, Optional<String> databaseUser, Optional<Path> workDirectory,
                          List<String> javaOptions) {
    }

    private final Options options;
    private final Path directory;
    private final Optional<BenchSchema> schema;
    private final ChildServer server;
    private final String password;
    private final String loadAtStart;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchServer(Options options, Path directory, Optional<BenchSchema> schema, ChildServer server, String password,
                        String loadAtStart) {
        this.options = options;
        this.directory = directory;
        this.schema = schema;
        this.server = server;
        this.password = password;
        this.loadAtStart = loadAtStart;
    }

    /** Starts the server with these logins (login, role) and these lines appended to its settings ("" for none). */
    static BenchServer start(Options options, Map<String, String> roles, String settingsYaml, PrintWriter progress)
            throws InterruptedException {
        String loadAtStart = Machine.loadAverage();
        Path directory = options.workDirectory().orElseGet(WorkDirectory::temporary);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path settings = BenchLogins.settings(directory, password, roles);
        Optional<BenchSchema> schema = Optional.empty();
        try {
            if (!settingsYaml.isEmpty()) {
                Files.writeString(settings, Files.readString(settings, StandardCharsets.UTF_8) + settingsYaml, StandardCharsets.UTF_8);
            }
            schema = options.databaseUrl().map(url -> BenchSchema.create(url, options.databaseUser(), System.getenv()));
            ChildServer server = ChildServer.start(directory, settings, options.port(),
                    schema.map(BenchSchema::environment).orElse(Map.of()), options.javaOptions(), progress);
            return new BenchServer(options, directory, schema, server, password, loadAtStart);
        } catch (IOException e) {
            cleanUp(options, directory, schema);
            throw new UncheckedIOException("cannot write " + settings, e);
        } catch (RuntimeException | InterruptedException failed) {
            cleanUp(options, directory, schema);
            throw failed;
        }
    }

    ChildServer child() {
        return server;
    }

    HttpClient client() {
        return client;
    }

    /** Where the server runs and keeps its data. */
    Path directory() {
        return directory;
    }

    /** The PostgreSQL schema the server runs in; empty on H2. */
    Optional<BenchSchema> schema() {
        return schema;
    }

    /** The HTTP Basic header of one of the bench's logins. */
    String basic(String login) {
        return BenchLogins.basic(login, password);
    }

    /** The {@code Authorization} header of a bearer token for one of the bench's logins. */
    String bearer(String login) throws InterruptedException {
        return "Bearer " + server.token(client, basic(login));
    }

    /** The first lines of a bench's report: its title, the machine, the load average, the database and the server. */
    void describe(PrintWriter out, String bench) {
        out.println("## forewarn bench " + bench);
        out.println();
        out.println(Machine.describe().strip());
        out.println("- load average: " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
        // what the run left on disk: H2's file keeps every page a commit wrote until its chunk is wholly unused
        out.println("- database: " + schema.map(s -> "PostgreSQL " + s.url() + ", its tables and indexes " + size(s.bytes()))
                .orElse("H2 file in " + directory + ", " + size(WorkDirectory.bytes(directory, ".mv.db"))) + " at the end");
        out.println("- server: " + String.join(" ", server.command()));
    }

    private static String size(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    /** One stretch of the load, with the CPU time the server spent on it. */
    Measurement stretch(OpenLoop load, String name, double rate, Duration duration, Set<Integer> expected,
                        LongFunction<HttpRequest> request) throws InterruptedException {
        Duration before = server.cpuTime();
        Measurement measured = load.run(name, rate, duration, expected, request);
        return measured.withServerCpu(server.cpuTime().minus(before));
    }

    /** Stops the server, drops its schema and removes a temporary directory. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            cleanUp(options, directory, schema);
        }
    }

    private static void cleanUp(Options options, Path directory, Optional<BenchSchema> schema) {
        try {
            schema.ifPresent(BenchSchema::drop);
        } finally {
            if (options.workDirectory().isEmpty()) {
                WorkDirectory.delete(directory);
            }
        }
    }
}
