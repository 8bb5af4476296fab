package io.forewarn.web;

import io.forewarn.policy.Role;

import io.forewarn.ForewarnProcess;
import io.forewarn.Poll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code forewarn serve} as a separate JVM on the test's classpath, with its output in a file: started
 * on a free port, called over HTTP as one of the roles of {@link ServerUnderTest}, killed with SIGKILL
 * or stopped with SIGTERM. Closing it kills it if it still runs, so a failing test leaves no process behind.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Forewarn serving at http://localhost:(\\d+)/");
    /** Generous: on a 2-core machine shared with other builds a JVM has been seen to take over a minute to start. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final Path log;
    private int port;

    private ServeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts a server without waiting for it; {@link #awaitServing()} waits. */
    static ServeProcess launch(String name, Path directory, Path config, Map<String, String> environment) {
        Path log = directory.resolve(name + ".log");
        ProcessBuilder builder = ForewarnProcess.builder(directory, environment, "serve", "--port", "0", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            return new ServeProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    static ServeProcess start(String name, Path directory, Path config, Map<String, String> environment) {
        ServeProcess started = launch(name, directory, config, environment);
        try {
            return started.awaitServing();
        } catch (RuntimeException | Error failed) {
            started.close();
            throw failed;
        }
    }

    /** Waits for the "Forewarn serving at" line; fails with the server's output when it does not come. */
    ServeProcess awaitServing() {
        Poll.until(START_TIMEOUT, () -> {
            Matcher serving = SERVING.matcher(output());
            if (serving.find()) {
                port = Integer.parseInt(serving.group(1));
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before serving:\n" + output());
            }
            return false;
        }, () -> name + " did not print 'Forewarn serving at':\n" + output());
        return this;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no graceful anything. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the server shuts down as it would under a service manager. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(name + " did not exit within 30 s of being told to; killed it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Everything the server printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** A call as the login of {@code role}; an IOException means no answer came (the server is gone). */
    Http.Reply call(Role role, String method, String path, String body) throws IOException {
        return Http.exchange(Http.request(port, role.code(), method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A call that must be answered with {@code expected}. */
    String expect(int expected, Role role, String method, String path, String body) {
        try {
            Http.Reply answer = call(role, method, path, body);
            if (answer.status() != expected) {
                throw new AssertionError(method + " " + path + " on " + name + " answered " + answer.status() + " instead of "
                        + expected + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " on " + name + " got no answer: " + e + "\n" + output(), e);
        }
    }

    /**
     * A settings file for {@code serve --config}: the logins of {@link ServerUnderTest} (one per role, named
     * after it) and the given lines under {@code forewarn:} and at the top level.
     */
    static Path config(Path directory, String name, String forewarnLines, String topLevelLines) {
        StringBuilder yaml = new StringBuilder("forewarn:\n  timezone: Europe/Moscow\n");
        forewarnLines.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
        yaml.append(ServerUnderTest.usersYaml(ServerUnderTest.everyRole()));
        yaml.append(topLevelLines);
        Path file = directory.resolve(name + ".yaml");
        try {
            return Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
