package io.forewarn.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CPU of a process tree as {@code /proc} tells it, on this JVM and a child it starts. */
class ProcessTreeCpuTest {

    @Test
    void theParentOfThisProcessIsTheOneTheJdkNames() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
        long self = ProcessHandle.current().pid();

        assertThat(ProcessTreeCpu.parentOf(self)).contains(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(ProcessTreeCpu.parentOf(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcessTreeCpu.of(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aChildsCpuCountsAfterItHasEnded() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
        ProcessTreeCpu tree = ProcessTreeCpu.of(ProcessHandle.current().pid()).orElseThrow();
        Duration before = tree.total();

        // a shell that counts for a while, then tells its own CPU time ("0m0.180000s 0m0.000000s") and ends
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; times").start();
        String times = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Duration after = tree.total();

        Matcher own = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s").matcher(times);
        assertThat(own.find()).as("the output of times: %s", times).isTrue();
        Duration childCpu = Duration.ofMillis(Math.round((Integer.parseInt(own.group(1)) * 60 + Double.parseDouble(own.group(2))
                + Integer.parseInt(own.group(3)) * 60 + Double.parseDouble(own.group(4))) * 1000));
        assertThat(childCpu).isGreaterThan(Duration.ofMillis(50));
        // the child's time, reaped into ours, less a clock tick of rounding
        assertThat(after.minus(before)).isGreaterThanOrEqualTo(childCpu.minusMillis(10));
    }
}
