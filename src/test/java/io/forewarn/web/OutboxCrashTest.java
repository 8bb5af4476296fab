package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.server.CaseDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static io.forewarn.policy.Role.OVERSIGHT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn serve}, its dispatcher off, issues warnings whose deliveries are enqueued, and is killed with
 * SIGKILL before any is sent; started again on the same database with its dispatcher on, it sends every one
 * that a channel of its carries (the CAP feed subscriptions), once, and shows the others (email, for which
 * this node has no channel) queued, never dropped.
 */
class OutboxCrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REPORTS = 3;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void killWhatRuns() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void onPostgresql() {
        CaseDatabase database = CaseDatabase.postgres();
        cleanup.add(database);
        killAndRestart(database);
    }

    @Test
    void onH2() {
        killAndRestart(CaseDatabase.h2(directory.resolve("forewarn-data")));
    }

    private void killAndRestart(CaseDatabase database) {
        Path off = ServeProcess.config(directory, "dispatcher-off", "delivery: {enabled: false}", "");
        ServeProcess first = serve("first", off, database);
        first.expect(201, ANALYST, "POST", "/api/v1/parties", """
                {"id": "public-moscow", "kind": "public", "audience": "public",
                 "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"},
                 "contacts": [{"kind": "cap-feed", "address": "Moscow public broadcaster"},
                              {"kind": "email", "address": "desk@broadcaster.example"}]}""");
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= REPORTS; i++) {
            first.expect(201, ANALYST, "POST", "/api/v1/reports", Reports.crocus("R-" + i));
            String draft = json(first.expect(201, ANALYST, "POST", "/api/v1/reports/R-" + i + "/drafts",
                    "{\"audience\": \"public\"}")).path("id").asString();
            first.expect(200, APPROVER, "POST", "/api/v1/drafts/" + draft + "/approve", null);
            warnings.add(json(first.expect(201, APPROVER, "POST", "/api/v1/drafts/" + draft + "/issue", null)).path("id").asString());
        }
        for (String warning : warnings) {
            assertThat(states(first, warning)).isEqualTo(Map.of("cap-feed", "queued", "email", "queued"));
        }
        first.kill();

        Path on = ServeProcess.config(directory, "dispatcher-on", "delivery: {interval: PT0.1S}", "");
        ServeProcess restarted = serve("restarted", on, database);
        Poll.until(Duration.ofSeconds(30), () -> warnings.stream().allMatch(w -> states(restarted, w).get("cap-feed").equals("sent")),
                () -> "after the restart: " + warnings.stream().map(w -> w + " " + states(restarted, w)).toList());
        for (String warning : warnings) {
            assertThat(states(restarted, warning)).as(warning).isEqualTo(Map.of("cap-feed", "sent", "email", "queued"));
            JsonNode feed = json(restarted.expect(200, OVERSIGHT, "GET", "/api/v1/warnings/" + warning + "/deliveries?state=sent", null))
                    .path("items").get(0);
            assertThat(feed.path("attempts").size()).as("sent once").isEqualTo(1);
            assertThat(feed.path("attempts").get(0).path("detail").asString()).isEqualTo("in feed");
        }
        for (int i = 1; i <= REPORTS; i++) {
            assertThat(json(restarted.expect(200, OVERSIGHT, "GET", "/api/v1/obligations/R-" + i + "/public-moscow", null))
                    .path("state").asString()).isEqualTo("delivered");
        }
        restarted.stop();
    }

    /** The state of a warning's delivery over each channel. */
    private static Map<String, String> states(ServeProcess server, String warning) {
        Map<String, String> states = new TreeMap<>();
        json(server.expect(200, OVERSIGHT, "GET", "/api/v1/warnings/" + warning + "/deliveries", null)).path("items")
                .forEach(d -> states.put(d.path("channel").asString(), d.path("state").asString()));
        return states;
    }

    private ServeProcess serve(String name, Path config, CaseDatabase database) {
        ServeProcess server = ServeProcess.start(name, directory, config, database.environment());
        cleanup.add(server);
        return server;
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
