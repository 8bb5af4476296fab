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

    /** Options of a JVM a test starts: a quick start matters more there than peak speed. */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private ForewarnProcess() {
    }

    /** A {@code forewarn bench} command line whose server starts with {@link #QUICK_START}. */
    public static String[] benchWithQuickServer(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        QUICK_START.forEach(option -> line.add("--server-java-option=" + option));
        return line.toArray(String[]::new);
    }

    /** The process, not yet started: redirect its output and start it. */
    public static ProcessBuilder builder(Path directory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.forewarn.cli.ForewarnCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("FOREWARN_"));
        builder.environment().putAll(environment);
        return builder;
    }
}
