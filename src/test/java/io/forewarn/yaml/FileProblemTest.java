package io.forewarn.yaml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileProblemTest {

    @Test
    void messageIsFileLineColumnProblem() {
        FileProblem problem = new FileProblem("policy.yaml", 4, 23, "deadlines.imminent: bad");

        assertThat(problem.getMessage()).isEqualTo("policy.yaml:4:23: deadlines.imminent: bad");
        assertThat(problem.file()).isEqualTo("policy.yaml");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(23);
        assertThat(problem.problem()).isEqualTo("deadlines.imminent: bad");
    }

    @Test
    void controlCharactersAndHugeTextCannotReachALogLine() {
        FileProblem problem = new FileProblem("f", 1, 1, "bad\nFAKE LOG LINE\u0007" + "x".repeat(10_000));

        assertThat(problem.getMessage()).doesNotContain("\n").doesNotContain("\u0007").contains("bad\\nFAKE");
        assertThat(problem.getMessage().length()).isLessThan(600);
    }
}
