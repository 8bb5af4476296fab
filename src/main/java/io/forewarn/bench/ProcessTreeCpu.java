package io.forewarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time of a process and of its children, from Linux's {@code /proc}: the PostgreSQL a bench runs on, whose
 * postmaster's children (one backend per connection, the WAL writer, the checkpointer) do its work. A child that has
 * ended counts in its parent's {@code cutime} and {@code cstime} once reaped, which the postmaster does at once, so
 * two readings taken around a stretch of load give the CPU the whole server spent on it, whichever backend did it.
 */
final class ProcessTreeCpu {

    /** {@code /proc}'s clock ticks: USER_HZ, which Linux fixes at 100 for every architecture it reports to users. */
    private static final long TICKS_PER_SECOND = 100;

    private final long root;

    private ProcessTreeCpu(long root) {
        this.root = root;
    }

    /** The tree under {@code root}, if this system has a {@code /proc} that shows it. */
    static Optional<ProcessTreeCpu> of(long root) {
        return stat(root).isPresent() ? Optional.of(new ProcessTreeCpu(root)) : Optional.empty();
    }

    /** The parent of {@code pid}, read from {@code /proc}. */
    static Optional<Long> parentOf(long pid) {
        return stat(pid).map(fields -> Long.parseLong(fields[1]));
    }

    /** The CPU time of the root (its own, and its reaped children's) and of its living children, so far. */
    Duration total() {
        long ticks = stat(root).map(fields -> sum(fields, 11, 12, 13, 14)).orElse(0L);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(path -> stat(Long.parseLong(path.getFileName().toString())))
                    .flatMap(Optional::stream)
                    .filter(fields -> Long.parseLong(fields[1]) == root)
                    .mapToLong(fields -> sum(fields, 11, 12))
                    .sum();
        } catch (IOException unreadable) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /**
     * The fields of {@code /proc/PID/stat} after the command name (which may hold spaces, so it is cut at its closing
     * parenthesis): index 0 is the state, 1 the parent, 11 and 12 utime and stime, 13 and 14 cutime and cstime.
     */
    private static Optional<String[]> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException gone) {
            // a process may end between the listing and the read; one that cannot be read has nothing to add
            return Optional.empty();
        }
    }

    private static long sum(String[] fields, int... indexes) {
        long total = 0;
        for (int index : indexes) {
            total += Long.parseLong(fields[index]);
        }
        return total;
    }
}
