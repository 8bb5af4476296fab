package io.forewarn.bench;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a child process, for a load generator on the same machine: {@code forewarn serve} from
 * the jar this program runs from ({@code java -jar forewarn.jar serve}; from the class path when it runs from
 * classes, as in the tests), in a working directory of its own (so its embedded database and data directory
 * are there), with a settings file and an environment. Its output goes to {@code server.log} there. It is
 * ready when it has printed where it serves and {@code /actuator/health} answers UP. Closing stops it
 * (SIGTERM, then SIGKILL after 30 s).
 */
public final class ChildServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SERVING = Pattern.compile("Forewarn serving at http://localhost:(\\d+)/");
    /** Seconds on an idle machine; minutes have been seen on a 2-core one shared with other builds. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final List<String> command;
    private int port;

    private ChildServer(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /**
     * Starts {@code forewarn serve --port PORT --config SETTINGS} (port 0: any free one) in {@code directory}, with the
     * {@code FOREWARN_*} variables of this process replaced by {@code environment}, and waits until it is healthy.
     */
    public static ChildServer start(Path directory, Path settings, int port, Map<String, String> environment,
                                    List<String> javaOptions, PrintWriter progress) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        String classPath = System.getProperty("java.class.path");
        if (String.valueOf(ChildServer.class.getResource("ChildServer.class")).contains("BOOT-INF")) {
            command.addAll(List.of("-jar", Path.of(classPath).toAbsolutePath().toString())); // the Spring Boot jar this runs from
        } else {
            command.addAll(List.of("-cp", classPath, "io.forewarn.cli.ForewarnCommand"));
        }
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--config", settings.toAbsolutePath().toString()));
        Path log = directory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("FOREWARN_"));
        builder.environment().putAll(environment);
        ChildServer server;
        try {
            server = new ChildServer(builder.start(), log, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server: " + e.getMessage(), e);
        }
        try {
            server.awaitHealthy(progress);
            return server;
        } catch (RuntimeException | InterruptedException failed) {
            server.close();
            throw failed;
        }
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request to the server with the {@code Authorization} header given (none when null). */
    public HttpRequest.Builder request(String path, String authorization, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** A bearer token from {@code POST /api/v1/tokens} for the login of the {@code Basic} header given. */
    public String token(HttpClient client, String basic) throws InterruptedException {
        HttpRequest request = request("/api/v1/tokens", basic, Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
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

    /** The command line the server was started with. */
    public List<String> command() {
        return List.copyOf(command);
    }

    public Path log() {
        return log;
    }

    /** The CPU time the server's process has used so far (zero where the system does not tell). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void awaitHealthy(PrintWriter progress) throws InterruptedException {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        progress.println("starting the server: " + String.join(" ", command));
        progress.flush();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before serving: "
                        + lastLines(5));
            }
            if (port == 0) {
                Matcher serving = SERVING.matcher(output());
                if (serving.find()) {
                    port = Integer.parseInt(serving.group(1));
                }
            }
            if (port != 0 && healthy(client)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the server was not healthy within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private boolean healthy(HttpClient client) throws InterruptedException {
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String lastLines(int count) {
        List<String> lines = output().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
