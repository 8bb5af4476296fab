package io.forewarn.yaml;

import org.junit.jupiter.api.function.Executable;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs code that must fail with a {@link FileProblem}, within a few seconds: a hostile file must
 * never hang, and a StackOverflowError or OutOfMemoryError would fail the test instead of passing.
 */
public final class Problems {

    private Problems() {
    }

    public static FileProblem problemOf(Executable code) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                code.execute();
            } catch (FileProblem problem) {
                return problem;
            }
            throw new AssertionError("expected a FileProblem, but it succeeded");
        });
    }
}
