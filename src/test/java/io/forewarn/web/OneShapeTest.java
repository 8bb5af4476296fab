package io.forewarn.web;

import io.forewarn.policy.PolicyFile;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayDocument;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioFile;
import io.forewarn.server.ForewarnServer;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rendering per concept: the Crocus case (as recorded, with a waiver added so there is one to
 * compare) replayed into a database, then read twice — through the HTTP API of a server on that
 * database, and from the replay document of {@code scenario run --json} of the same replay. A warning,
 * an obligation, a waiver, a review, a report and the timeline come out with the same field names and
 * nesting, recursively, and with the same values, since they describe the same objects.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOGIN = "oversight";
    private static final String PASSWORD = "one shape for every reader";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The replay document of the replay whose casebook the server reads, written before the server starts. */
    private static JsonNode run;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("forewarn-one-shape-");
        data.toFile().deleteOnExit();
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Scenario scenario = ScenarioFile.parse("crocus-with-a-waiver.yaml", crocusWithAWaiver());
        try (Database database = Database.open(settings)) {
            ReplayResult replay = new Replay(scenario, PolicyFile.defaultPolicy(), database::casebook).run(Mode.AS_RECORDED);
            run = JSON.readTree(ReplayDocument.toJson(scenario, List.of(replay))).path("runs").get(0);
        }
        registry.add("FOREWARN_DB_URL", settings::url);
        registry.add("FOREWARN_DB_USER", settings::user);
        registry.add("forewarn.timezone", () -> scenario.timezone().getId());
        registry.add("forewarn.data-dir", data::toString);
        registry.add("forewarn.scheduler.enabled", () -> "false");
        registry.add("forewarn.users[0].name", () -> LOGIN);
        registry.add("forewarn.users[0].password-hash", () -> new BCryptPasswordEncoder(4).encode(PASSWORD));
        registry.add("forewarn.users[0].roles[0]", () -> LOGIN);
    }

    /** The shipped Crocus scenario with one (synthetic) waiver for the venue, and no expectations to check. */
    private static String crocusWithAWaiver() throws IOException {
        String crocus;
        try (InputStream in = OneShapeTest.class.getResourceAsStream("/scenarios/crocus-2024.yaml")) {
            crocus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String incident = "  - at: 2024-03-22T19:58\n";
        assertThat(crocus).contains(incident).contains("\nexpect:");
        return crocus.substring(0, crocus.indexOf("\nexpect:") + 1).replace(incident, """
                  - at: 2024-03-08T10:00
                    waiver: {party: crocus-city-hall, report: R-1, reason: unduly-endangers-sources-or-personnel,
                             requested-by: analyst, approved-by: director, alternative: warned the authorities through liaison,
                             synthetic: true}

                """ + incident);
    }

    @Test
    void theReplayHasSomethingOfEachKind() {
        for (String kind : new String[] {"reports", "timeline", "obligations", "warnings", "waivers", "reviews"}) {
            assertThat(run.path(kind).size()).as(kind).isPositive();
        }
    }

    @Test
    void aWarningHasOneShape() {
        for (JsonNode warning : run.path("warnings")) {
            assertSame(get("/api/v1/warnings/" + warning.path("id").asString()), warning);
        }
    }

    @Test
    void anObligationHasOneShape() {
        for (JsonNode obligation : run.path("obligations")) {
            assertSame(get("/api/v1/obligations/" + obligation.path("report").asString() + "/"
                    + obligation.path("party").asString()), obligation);
        }
    }

    @Test
    void aWaiverHasOneShape() {
        JsonNode waiver = run.path("waivers").get(0);
        assertThat(waiver.path("decision").isObject()).as("the decided waiver carries its decision").isTrue();
        assertSame(get("/api/v1/waivers/" + waiver.path("id").asString()), waiver);
    }

    @Test
    void aReviewHasOneShape() {
        JsonNode review = run.path("reviews").get(0);
        assertSame(get("/api/v1/incidents/" + review.path("incident").path("id").asString() + "/review"), review);
    }

    @Test
    void anIncidentHasOneShape() {
        JsonNode incident = run.path("reviews").get(0).path("incident");
        assertSame(get("/api/v1/incidents/" + incident.path("id").asString()), incident);
    }

    @Test
    void aReportHasOneShape() {
        // The replay document carries no narrative: the redacted report of the API without its portions.
        JsonNode report = run.path("reports").get(0);
        assertThat(report.has("portions")).isFalse();
        assertThat(report.path("redacted").asBoolean()).isTrue();
        ObjectNode api = (ObjectNode) get("/api/v1/reports/"
                + report.path("id").asString());
        assertThat(api.path("portions").size()).as("the API's redacted report has its releasable portions").isPositive();
        api.remove("portions");
        assertSame(api, report);
    }

    @Test
    void theTimelineHasOneShape() {
        JsonNode events = get("/api/v1/events?size=500").path("items");
        assertSame(events, run.path("timeline"));
    }

    /** The same field names and nesting, recursively, and then the same values. */
    private static void assertSame(JsonNode api, JsonNode replay) {
        assertThat(shape(replay)).as("the replay document's shape against the API's").isEqualTo(shape(api));
        assertThat(replay).as("the replay document's values against the API's").isEqualTo(api);
    }

    /**
     * The shape of a JSON value: an object's field names (in order) with their shapes, an array's element
     * shapes, or the kind of a scalar. A null matches any shape, as an absent value of any type.
     */
    static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                names.add(field.getKey());
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), shape(field.getValue()));
                }
            }
            return Map.of("fields", names, "shapes", fields);
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(element -> elements.add(shape(element)));
            return elements;
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase();
    }

    private JsonNode get(String path) {
        String credentials = Base64.getEncoder().encodeToString((LOGIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
