package io.forewarn.cli;

import io.forewarn.Crocus;
import io.forewarn.ForewarnProcess;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the forewarn command line in-process and captures what it printed. */
final class Cli {

    /** What one invocation returned and printed. */
    record Result(int exit, String out, String err) {

        /** Everything printed, for checks that must hold on both streams. */
        String all() {
            return out + "\n" + err;
        }
    }

    static final String CROCUS = "/scenarios/crocus-2024.yaml";

    private Cli() {
    }

    static Result run(Object... args) {
        CommandLine commandLine = ForewarnCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        int exit = commandLine.execute(strings);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Like {@link #run}, with {@code input} on standard input (the commands read it from {@code System.in}). */
    static Result runWithInput(String input, Object... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    /**
     * Runs the command line as a process of its own in {@code dir} (see {@link ForewarnProcess}), for what only a
     * real process shows: everything on its standard output and error, logging included. Fails after a minute.
     */
    static Result process(Path dir, Map<String, String> environment, Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        try {
            Path out = Files.createTempFile(dir, "stdout-", ".txt");
            Path err = Files.createTempFile(dir, "stderr-", ".txt");
            Process process = ForewarnProcess.builder(dir, environment, strings)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("forewarn " + String.join(" ", strings) + " did not exit within a minute:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The text of a classpath resource. */
    static String resource(String name) {
        return Crocus.resource(name);
    }

    /** Writes text to a file in {@code dir} and returns its path. */
    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a classpath resource in {@code dir}, so the command reads it as a user's file. */
    static Path copy(Path dir, String resource) {
        return write(dir, resource.substring(resource.lastIndexOf('/') + 1), resource(resource));
    }
}
