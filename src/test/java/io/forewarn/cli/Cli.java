package io.forewarn.cli;

import io.forewarn.Crocus;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
