package io.forewarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a benchmark ran on, as its results are published with: processors, CPU, memory, OS, JDK and load. */
public final class Machine {

    private Machine() {
    }

    /** One line per fact, each starting {@code - }. */
    public static String describe() {
        return "- processors (nproc): " + Runtime.getRuntime().availableProcessors() + '\n'
                + "- CPU: " + firstLine(Path.of("/proc/cpuinfo"), "model name").orElse("(unknown)") + '\n'
                + "- memory: " + firstLine(Path.of("/proc/meminfo"), "MemTotal").orElse("(unknown)") + '\n'
                + "- OS: " + System.getProperty("os.name") + ' ' + System.getProperty("os.version") + ' '
                + System.getProperty("os.arch") + '\n'
                + "- JDK: " + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")\n";
    }

    /** {@code /proc/loadavg}: the load averages over 1, 5 and 15 minutes, then running/total tasks and the last pid. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unreadable) {
            return "(unknown)";
        }
    }

    private static Optional<String> firstLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
