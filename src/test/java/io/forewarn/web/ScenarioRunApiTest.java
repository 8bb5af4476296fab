package io.forewarn.web;

import io.forewarn.Crocus;
import io.forewarn.server.ForewarnServer;
import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario files replayed over HTTP: the replay document, in memory, leaving the casebook as it was. */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioRunApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @Test
    void theCrocusScenarioReplaysInBothModesAndMeetsItsExpectationsWithoutTouchingTheCase() {
        // A live case with a report of the same id as the scenario's: the replay must neither see nor change it.
        for (String party : Reports.CROCUS_PARTIES) {
            Http.call(port, Role.ANALYST, "POST", "/api/v1/parties", "application/json", party);
        }
        Http.call(port, Role.ANALYST, "POST", "/api/v1/reports", "application/json", Reports.crocus("R-1"));
        int eventsBefore = events();
        assertThat(eventsBefore).as("four parties registered, R-1 received, an obligation opened for each of them")
                .isEqualTo(9);

        Http.Reply answer = Http.call(port, Role.OVERSIGHT, "POST", "/api/v1/scenario-runs",
                "application/yaml", Crocus.SCENARIO_TEXT);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode document = JSON.readTree(answer.body());
        assertThat(document.path("scenario").asString()).isEqualTo("crocus-2024");
        assertThat(document.path("runs").valueStream().map(run -> run.path("mode").asString()))
                .containsExactly("as-recorded", "as-policy");
        assertThat(document.path("runs").valueStream().map(run -> run.path("expectations").path("met").asBoolean()))
                .containsExactly(true, true);
        String body = answer.body().toLowerCase(Locale.ROOT);
        for (String secret : new String[] {"nightjar", "telemark-7", "a recruited courier", "interception of the cell"}) {
            assertThat(body).doesNotContain(secret);
        }
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(Http.call(port, Role.ANALYST, "GET", "/api/v1/reports", null, null).json().path("items").size())
                .isEqualTo(1);
        assertThat(Http.call(port, Role.ANALYST, "GET", "/api/v1/warnings", null, null).json().path("items").size())
                .isEqualTo(0);
    }

    @Test
    void aScenarioWrittenAsJsonReplaysInTheModeAskedFor() {
        String scenario = """
                {"scenario": "one-report", "title": "One report, one incident", "timezone": "Europe/Moscow",
                 "parties": [%s],
                 "events": [{"at": "2024-03-07T08:00", "report": %s},
                            {"at": "2024-03-22T19:58", "incident": {"place": {"locality": "Moscow"}, "method": "attack"}}]}
                """.formatted(Reports.CROCUS_PARTIES.get(1), Reports.crocus("R-1"));

        Http.Reply answer = Http.call(port, Role.DIRECTOR, "POST",
                "/api/v1/scenario-runs?mode=as-policy", "application/json", scenario);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode runs = JSON.readTree(answer.body()).path("runs");
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).path("mode").asString()).isEqualTo("as-policy");
        assertThat(runs.get(0).path("reviews").size()).isEqualTo(1);
    }

    @Test
    void aBadFileOrModeIsABadRequestThatSaysWhere() {
        Http.Reply badFile = Http.call(port, Role.ANALYST, "POST", "/api/v1/scenario-runs",
                "application/yaml", "scenario: broken\ntitle: [unclosed\n");
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(badFile.contentType()).startsWith("application/problem+json");
        assertThat(badFile.body()).contains("\"line\":").contains("request body:");

        Http.Reply unknownKey = Http.call(port, Role.ANALYST, "POST", "/api/v1/scenario-runs",
                "application/yaml", "scenario: x\ntitle: y\ntimezone: UTC\nparites: []\n");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body()).contains("request body:4:1: ").contains("\"line\":4");

        Http.Reply badMode = Http.call(port, Role.ANALYST, "POST", "/api/v1/scenario-runs?mode=live",
                "application/yaml", Crocus.SCENARIO_TEXT);
        assertThat(badMode.status()).isEqualTo(400);
    }

    private int events() {
        String body = Http.call(port, Role.OVERSIGHT, "GET", "/api/v1/events?size=500", null, null).body();
        return JSON.readTree(body).path("items").size();
    }
}
