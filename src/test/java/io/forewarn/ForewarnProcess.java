package io.forewarn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code forewarn} command line as a process of its own, on the test's classpath, in a directory of the
 * test's, with none of the {@code FOREWARN_} variables of the environment the tests run in: what a user's
 * shell runs, for the tests that must see the real standard output and error, exit status and signals.
 */
public final class ForewarnProcess {

    private ForewarnProcess() {
    }

    /** The process, not yet started: redirect its output and start it. */
    public static ProcessBuilder builder(Path directory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", // a quick start matters more here than peak speed
                "-cp", System.getProperty("java.class.path"),
                "io.forewarn.cli.ForewarnCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("FOREWARN_"));
        builder.environment().putAll(environment);
        return builder;
    }
}
