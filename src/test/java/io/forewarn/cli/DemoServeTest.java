package io.forewarn.cli;

import io.forewarn.ForewarnProcess;
import io.forewarn.Poll;
import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapReader;
import io.forewarn.web.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn demo --serve} serves the case as policy: the Atom feed and the signed CAP alerts it prints the
 * addresses of answer as printed, with the alerts in force at the attack. It leaves nothing behind: stopped (SIGTERM,
 * as a service manager or {@code kill} stops it; Ctrl-C's SIGINT runs the same shutdown), it removes its temporary
 * directory with the database and the ledger's signing key.
 */
class DemoServeTest {

    private static final Pattern ALERT = Pattern.compile("^  curl (http://localhost:(\\d+))(/cap/(W-\\d+)\\.xml)$", Pattern.MULTILINE);
    private static final Pattern OVERSIGHT = Pattern.compile("^  oversight +(\\S+)$", Pattern.MULTILINE);
    private static final Pattern FEED = Pattern.compile("^  curl http://localhost:\\d+(/feeds/warnings\\.atom)$", Pattern.MULTILINE);
    private static final Pattern KEY_DIRECTORY = Pattern.compile("signed with the key in (\\S+?)(?: \\(removed when the server stops\\))?\\. Check it offline");

    @TempDir
    Path dir;

    @Test
    void servesTheFeedAndAlertsAsPrintedAndStoppedRemovesItsDirectory() throws Exception {
        Path output = dir.resolve("demo.txt");
        Process demo = ForewarnProcess.builder(dir, Map.of(), "demo", "--serve", "--port", "0", "--quiet")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            // two replays (the second into H2, as policy) before it serves: minutes on a loaded two-core machine
            Poll.until(Duration.ofSeconds(240), () -> {
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
            servesTheCaseAlerts(read(output));
            listsTheDeliveriesItsLedgerRecords(read(output));

            demo.destroy();

            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(data).as("the demo's directory after it stopped:\n" + read(output)).doesNotExist();
        } finally {
            demo.destroyForcibly();
        }
    }

    /** The feed and each alert printed answer without a login; the alerts are the public ones in force at the attack. */
    private static void servesTheCaseAlerts(String printed) throws Exception {
        assertThat(printed).contains("The Crocus case, as policy, is loaded; the server's clock runs from the attack "
                + "(2024-03-22 19:58 Europe/Moscow)");
        Matcher feedLine = FEED.matcher(printed);
        assertThat(feedLine.find()).as(printed).isTrue();
        Matcher alert = ALERT.matcher(printed);
        List<String> ids = new ArrayList<>();
        int port = 0;
        while (alert.find()) {
            port = Integer.parseInt(alert.group(2));
            ids.add(alert.group(4));
        }
        // the citizens' and the Moscow public's renewed alerts (W-9, W-10) were in force at the attack
        assertThat(ids).as(printed).containsExactlyInAnyOrder("W-9", "W-10");
        Http.Reply feed = Http.get(port, null, feedLine.group(1));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).isEqualTo("application/atom+xml");
        for (String id : ids) {
            assertThat(feed.body()).contains("/cap/" + id + ".xml\" rel=\"alternate\" type=\"application/cap+xml\"/>");
            Http.Reply cap = Http.get(port, null, "/cap/" + id + ".xml");
            assertThat(cap.status()).isEqualTo(200);
            assertThat(cap.contentType()).isEqualTo("application/cap+xml");
            CapAlert read = CapReader.read(cap.body().getBytes(StandardCharsets.UTF_8));
            assertThat(read.msgType()).isEqualTo("Update");
            assertThat(read.infos()).extracting(CapAlert.Info::language).containsExactly("en", "ru");
        }
        // a warning to the authorities is not public: as absent as one that does not exist
        assertThat(Http.get(port, null, "/cap/W-11.xml").status()).isEqualTo(404);
    }

    /** The replay's deliveries are on file: the venue's warning went by email, as the demo printed and the ledger says. */
    private static void listsTheDeliveriesItsLedgerRecords(String printed) {
        Matcher login = OVERSIGHT.matcher(printed);
        assertThat(login.find()).as(printed).isTrue();
        Matcher alert = ALERT.matcher(printed);
        assertThat(alert.find()).as(printed).isTrue();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("oversight:" + login.group(1)).getBytes(StandardCharsets.UTF_8));

        Http.Reply deliveries = Http.get(Integer.parseInt(alert.group(2)), null, "/api/v1/warnings/W-4/deliveries",
                "Authorization", basic);

        assertThat(deliveries.status()).as(deliveries.body()).isEqualTo(200);
        assertThat(deliveries.json().path("items").size()).as(deliveries.body()).isEqualTo(1);
        JsonNode only = deliveries.json().path("items").get(0);
        assertThat(only.path("party").asString()).isEqualTo("crocus-city-hall");
        assertThat(only.path("channel").asString()).isEqualTo("email");
        assertThat(only.path("address").asString()).isEqualTo("operator@crocus-city-hall.invalid");
        assertThat(only.path("state").asString()).isEqualTo("sent");
        assertThat(only.path("sent-at").asString()).isEqualTo("2024-03-07T07:00:00Z");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
