package io.forewarn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where a bench runs its server: the directory given, or a temporary one removed afterwards. */
final class WorkDirectory {

    private WorkDirectory() {
    }

    static Path temporary() {
        try {
            return Files.createTempDirectory("forewarn-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory", e);
        }
    }

    /** The bytes of the files under {@code directory} whose names end with {@code suffix}. */
    static long bytes(Path directory, String suffix) {
        try (var files = Files.walk(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(suffix)).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files under " + directory, e);
        }
    }

    static void delete(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory left behind is no failure of the run
        }
    }
}
