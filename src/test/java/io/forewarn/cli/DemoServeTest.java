package io.forewarn.cli;

import io.forewarn.ForewarnProcess;
import io.forewarn.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn demo --serve} leaves nothing behind: stopped (SIGTERM, as a service manager or {@code kill} stops
 * it; Ctrl-C's SIGINT runs the same shutdown), it removes its temporary directory with the database and the
 * ledger's signing key.
 */
class DemoServeTest {

    private static final Pattern KEY_DIRECTORY = Pattern.compile("signed with the key in (\\S+?)(?: \\(removed when the server stops\\))?\\. Check it offline");

    @TempDir
    Path dir;

    @Test
    void stoppedItRemovesItsDirectoryWithTheSigningKey() throws Exception {
        Path output = dir.resolve("demo.txt");
        Process demo = ForewarnProcess.builder(dir, Map.of(), "demo", "--serve", "--port", "0", "--quiet")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Poll.until(Duration.ofSeconds(90), () -> {
                if (!demo.isAlive()) {
                    throw new AssertionError("the demo exited with " + demo.exitValue() + ":\n" + read(output));
                }
                // the key's line follows the serving line and the logins: under load the test may read in between
                return read(output).contains("Forewarn serving at http://localhost:") && KEY_DIRECTORY.matcher(read(output)).find();
            }, () -> "the demo did not serve:\n" + read(output));
            Matcher key = KEY_DIRECTORY.matcher(read(output));
            assertThat(key.find()).as(read(output)).isTrue();
            Path data = Path.of(key.group(1));
            assertThat(data.resolve("ledger.key")).isRegularFile();
            assertThat(data.resolve("forewarn.mv.db")).isRegularFile();

            demo.destroy();

            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(data).as("the demo's directory after it stopped:\n" + read(output)).doesNotExist();
        } finally {
            demo.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
