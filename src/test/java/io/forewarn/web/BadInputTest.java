package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import io.forewarn.web.request.IdempotencyFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and mistaken request bodies over HTTP. Each is answered with a problem+json that names the
 * problem (with line and column where the body reader has them) and carries no stack trace, or, for
 * an import, with the report of its rows; and nothing accepted before is lost.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORTS = "/api/v1/reports";
    private static final String PARTIES = "/api/v1/parties";
    private static final String IMPORT = "/api/v1/parties/import";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @BeforeEach
    void theCrocusCaseIsOnFile() {
        for (String party : Reports.CROCUS_PARTIES) {
            Http.post(port, "analyst", PARTIES, "application/json", party);
        }
        Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus("R-1"));
    }

    @AfterEach
    void nothingAcceptedBeforeIsLost() {
        assertThat(Http.get(port, "analyst", REPORTS + "/R-1").status()).isEqualTo(200);
        assertThat(Http.get(port, "analyst", REPORTS).json().path("items").size()).isEqualTo(1);
        for (String id : List.of("us-citizens-ru", "public-moscow", "ru-authorities", "crocus-city-hall")) {
            assertThat(Http.get(port, "analyst", PARTIES + "/" + id).status()).as(id).isEqualTo(200);
            assertThat(Http.get(port, "analyst", "/api/v1/obligations/R-1/" + id).json().path("state").asString())
                    .as(id).isEqualTo("open");
        }
    }

    @Test
    void listingsPageByCursorAndRefuseABadCursorOrSize() {
        JsonNode first = Http.get(port, "analyst", "/api/v1/obligations?report=R-1&size=3").json();
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(first.path("items").valueStream().map(o -> o.path("party").asString()))
                .containsExactly("us-citizens-ru", "public-moscow", "ru-authorities");
        String next = first.path("next").asString();
        assertThat(next).isEqualTo("/api/v1/obligations?report=R-1&after=Ui0xL3J1LWF1dGhvcml0aWVz&size=3"); // after R-1/ru-authorities

        JsonNode last = Http.get(port, "analyst", next).json();
        // the import test's Bolshoi Theatre, when it ran first, is obligated too, after the four
        assertThat(last.path("items").valueStream().map(o -> o.path("party").asString()))
                .startsWith("crocus-city-hall");
        assertThat(last.has("next")).isFalse();
        assertThat(Http.get(port, "analyst", PARTIES).json().path("size").asInt()).isEqualTo(50);

        JsonNode badCursor = problem(Http.get(port, "analyst", "/api/v1/obligations?after=%25%25"), 400);
        assertThat(badCursor.path("detail").asString()).isEqualTo("after must be the cursor of a page's next link");
        JsonNode unknown = problem(Http.get(port, "analyst", "/api/v1/parties?after=bm9ib2R5"), 400);
        assertThat(unknown.path("detail").asString()).isEqualTo("the page cursor names no party on file");
        JsonNode tooBig = problem(Http.get(port, "analyst", "/api/v1/reports?size=501"), 400);
        assertThat(tooBig.path("detail").asString()).isEqualTo("size must be between 1 and 500, not 501");
    }

    @Test
    void malformedJsonIsNamedWithItsLineAndColumn() {
        JsonNode missingComma = problem(post(REPORTS, "{\"id\": \"R-9\"\n \"harm\": \"killing\"}"), 400);
        assertThat(missingComma.path("line").asInt()).isEqualTo(2);
        assertThat(missingComma.path("column").asInt()).isEqualTo(2);
        assertThat(missingComma.path("detail").asString()).isEqualTo("request body:2:2: not valid JSON: unexpected "
                + "character ('\"' (code 34)): was expecting comma to separate Object entries");

        JsonNode unfinished = problem(post(REPORTS, "{\"id\": \"R-9\", \"harm\": "), 400);
        assertThat(unfinished.path("line").asInt()).isEqualTo(1);

        JsonNode notJson = problem(post(PARTIES, "{]"), 400);
        assertThat(notJson.path("line").asInt()).isEqualTo(1);
        assertThat(notJson.path("detail").asString()).isEqualTo("request body:1:2: not valid JSON: unexpected close marker "
                + "']': expected '}'");

        JsonNode yamlIsNotJson = problem(post(PARTIES, "{id: p, kind: public}"), 400);
        assertThat(yamlIsNotJson.path("detail").asString()).doesNotContain("YAML").contains("not valid JSON");

        JsonNode word = problem(post(REPORTS, "{\"id\": \"R-9\", \"protected\": {\"terms\": [NIGHTJAR]}}"), 400);
        assertThat(word.path("detail").asString()).doesNotContain("NIGHTJAR");
        assertThat(word.path("column").asInt()).isEqualTo(39);

        Http.Reply tabs = Http.post(port, "analyst", PARTIES, "application/json",
                "{\n\t\"id\": \"tabbed\", \"kind\": \"public\", \"audience\": \"public\",\n\t\"area\": {\"country\": \"FR\"}\n}");
        assertThat(tabs.status()).as("JSON indented with tabs is JSON").isEqualTo(201);

        JsonNode policy = problem(Http.post(port, "director", "/api/v1/policy", "application/json", "{\"version\": 9,}"), 400);
        assertThat(policy.path("detail").asString()).startsWith("request body:1:15: not valid JSON: ");
    }

    @Test
    void valuesOfTheWrongTypeNameTheFieldAndWhatWasExpected() {
        JsonNode harm = problem(post(REPORTS, Reports.crocus("R-9").replace("\"harm\": \"killing\"", "\"harm\": 5")), 400);
        assertThat(harm.path("detail").asString()).contains("harm");
        assertThat(harm.path("line").asInt()).isEqualTo(1);

        String registrants = "{\"id\": \"many-citizens\", \"kind\": \"registrants\", \"audience\": \"own-citizens\","
                + " \"area\": {\"country\": \"RU\"}, \"count\": \"many\"}";
        JsonNode count = problem(post(PARTIES, registrants), 400);
        assertThat(count.path("detail").asString()).contains("count").contains("expected a whole number");

        JsonNode portions = problem(post(REPORTS, Reports.crocus("R-9").replaceFirst("\"portions\": \\[",
                "\"portions\": \"one\", \"unused\": [")), 400);
        assertThat(portions.path("detail").asString()).satisfiesAnyOf(
                detail -> assertThat(detail).contains("unknown key"),
                detail -> assertThat(detail).contains("expected a list"));

        JsonNode place = problem(post(PARTIES, "{\"id\": \"p\", \"kind\": \"public\", \"audience\": \"public\", \"area\": [1, 2]}"),
                400);
        assertThat(place.path("detail").asString()).contains("area").contains("expected a map");
    }

    @Test
    void aTenMegabyteBodyIsRefusedWith413WhetherItsLengthIsAnnouncedOrNot() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';

        Http.Reply announced = Http.post(port, "analyst", REPORTS, "application/json", huge);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.contentType()).startsWith("application/problem+json");
        assertThat(announced.json().path("detail").asString()).contains("limit");

        for (String key : new String[] {null, "chunked-10mb"}) {
            HttpRequest.Builder chunked = Http.request(port, "analyst", REPORTS, "Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
            if (key != null) {
                chunked.header(IdempotencyFilter.KEY_HEADER, key);
            }
            Http.Reply unannounced = Http.send(chunked.build());
            assertThat(unannounced.status()).as("chunked, key %s", key).isEqualTo(413);
            assertThat(unannounced.contentType()).startsWith("application/problem+json");
            assertNoStackTrace(unannounced.body());
        }
    }

    @Test
    void jsonNestedTenThousandLevelsDeepIsRefusedAtTheLimit() {
        String lists = "[".repeat(10_000) + "]".repeat(10_000);
        JsonNode report = problem(post(REPORTS, lists), 400);
        assertThat(report.path("detail").asString()).contains("nested more than");
        assertThat(report.path("line").asInt()).isEqualTo(1);

        String maps = "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThat(problem(post(PARTIES, maps), 400).path("detail").asString()).contains("nested more than");

        String features = "{\"type\": \"FeatureCollection\", \"features\": [" + "[".repeat(10_000) + "]".repeat(10_000) + "]}";
        JsonNode geoJson = problem(Http.post(port, "analyst", IMPORT, "application/geo+json", features), 400);
        assertThat(geoJson.path("detail").asString()).contains("nested more than");
        assertThat(geoJson.path("column").asInt()).isEqualTo(75); // just past the 33rd opening bracket (col 74), one deeper than 32
    }

    @Test
    void invalidUtf8IsRefusedAtTheLineAndColumnWhereItGoesWrong() {
        byte[] report = bytes("{\"id\": \"R-9\",\n \"harm\": \"kill", new byte[] {(byte) 0xC3, (byte) 0x28}, "ing\"}");
        JsonNode problem = problem(Http.post(port, "analyst", REPORTS, "application/json", report), 400);
        assertThat(problem.path("detail").asString()).contains("not valid UTF-8");
        assertThat(problem.path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("column").asInt()).isEqualTo(15);

        byte[] csv = bytes("id,kind,audience,country\nok,public,public,RU\nbad,public,public,", new byte[] {(byte) 0xFF}, "\n");
        JsonNode importProblem = problem(Http.post(port, "analyst", IMPORT, "text/csv", csv), 400);
        assertThat(importProblem.path("detail").asString()).contains("not valid UTF-8");
        assertThat(importProblem.path("line").asInt()).isEqualTo(3);
        assertThat(Http.get(port, "analyst", PARTIES + "/ok").status()).as("an unreadable document stores nothing").isEqualTo(404);
    }

    @Test
    void unknownEnumValuesAreRefusedWithTheValuesAllowed() {
        JsonNode harm = problem(post(REPORTS, Reports.crocus("R-9").replace("\"killing\"", "\"explosion\"")), 400);
        assertThat(harm.path("detail").asString()).contains("unknown harm").contains("killing, serious-bodily-injury");

        JsonNode kind = problem(post(PARTIES, Reports.venue("v-9").replace("\"venue\"", "\"spaceship\"")), 400);
        assertThat(kind.path("detail").asString()).contains("unknown party kind").contains("registrants, public");

        JsonNode marking = problem(post(REPORTS, Reports.crocus("R-9").replace("\"marking\": \"public\"",
                "\"marking\": \"secret\"")), 400);
        assertThat(marking.path("detail").asString()).contains("unknown marking").contains("public, partner, protected");

        JsonNode relationship = problem(post(PARTIES, Reports.venue("v-9").replace("\"kind\": \"venue\"",
                "\"kind\": \"venue\", \"relationship\": \"frenemy\"")), 400);
        assertThat(relationship.path("detail").asString()).contains("unknown relationship");
    }

    @Test
    void codesInQueryParametersAreReadAndRefusedLikeCodesInBodies() {
        assertThat(Http.get(port, "analyst", "/api/v1/obligations?state=%20Open%20").status()).isEqualTo(200);
        assertThat(problem(Http.get(port, "analyst", "/api/v1/obligations?state=pending"), 400).path("detail").asString())
                .isEqualTo("unknown state 'pending'; expected one of: open, drafted, approved, issued, delivered, "
                        + "acknowledged, expired, renewed, waiver-requested, waived, waiver-rejected, overdue, escalated, closed");
        assertThat(Http.get(port, "analyst", "/api/v1/drafts?status=DRAFTED").status()).isEqualTo(200);
        assertThat(problem(Http.get(port, "analyst", "/api/v1/drafts?status=sent"), 400).path("detail").asString())
                .isEqualTo("unknown draft status 'sent'; expected one of: drafted, approved, issued, cancelled");
        assertThat(problem(Http.post(port, "analyst", IMPORT + "?mode=merge", "text/csv", "id,kind,audience\n"), 400)
                .path("detail").asString())
                .isEqualTo("unknown mode 'merge'; expected one of: create, upsert");
    }

    @Test
    void unknownKeysAreRefusedNotIgnored() {
        JsonNode report = problem(post(REPORTS, Reports.crocus("R-9").replace("\"harm\":", "\"colour\": \"red\", \"harm\":")),
                400);
        assertThat(report.path("detail").asString()).contains("unknown key 'colour'");

        JsonNode venueWithArea = problem(post(PARTIES, Reports.venue("v-9").replace("\"place\":", "\"area\": {\"country\": \"RU\"}, \"place\":")),
                400);
        assertThat(venueWithArea.path("detail").asString()).contains("unknown key 'area'");
    }

    @Test
    void emptyBodiesAndWrongMediaTypesAreProblemsToo() {
        problem(post(REPORTS, ""), 400);
        problem(Http.post(port, "analyst", REPORTS, "text/plain", Reports.crocus("R-9")), 415);
        problem(Http.post(port, "analyst", IMPORT, "application/json", "{}"), 415);
        problem(Http.post(port, "analyst", IMPORT, "text/csv", ""), 400);
    }

    @Test
    void aCsvImportKeepsItsGoodRowsAndReportsItsBadOnesByRowAndField() {
        String csv = """
                id,kind,audience,relationship,site,locality,region,country,lat,lon,radius-km,count,kinds,channel
                bolshoi-theatre,venue,venue-operator,,Bolshoi Theatre,Moscow,,RU,55.760,37.618,0.2,,theatre;concert hall,
                rocket-ship,spaceship,public,,,Moscow,,RU,,,,,,
                kazan-public,public,public,,,Kazan,,RU,,,,,,
                bad-numbers,registrants,own-citizens,,,,,RU,north,37.6,,many,,
                crocus-city-hall,venue,venue-operator,,Crocus City Hall,Krasnogorsk,,RU,,,,,concert hall,
                short-row,public,public
                """;
        Http.Reply reply = Http.post(port, "liaison", IMPORT, "text/csv", csv);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode report = reply.json();
        assertThat(strings(report.path("created"))).containsExactly("bolshoi-theatre", "kazan-public");
        assertThat(strings(report.path("updated"))).isEmpty();
        List<String> rejected = new ArrayList<>();
        for (JsonNode problem : report.path("rejected")) {
            rejected.add(problem.path("row").asInt() + " " + problem.path("field").asString("-"));
        }
        assertThat(rejected).containsExactly("3 kind", "5 lat", "5 count", "6 id", "7 -");
        assertThat(report.path("rejected").get(0).path("problem").asString()).contains("unknown kind")
                .doesNotContain("spaceship");

        assertThat(Http.get(port, "analyst", PARTIES + "/bolshoi-theatre").status()).isEqualTo(200);
        assertThat(Http.get(port, "analyst", PARTIES + "/kazan-public").status()).isEqualTo(200);
        assertThat(Http.get(port, "analyst", PARTIES + "/rocket-ship").status()).isEqualTo(404);
        assertThat(Http.get(port, "analyst", PARTIES + "/crocus-city-hall").json().path("place").path("region").asString())
                .as("the party on file is not replaced by a create-only import").isEqualTo("Moscow Oblast");
    }

    // --- helpers

    private Http.Reply post(String path, String body) {
        return Http.post(port, "analyst", path, "application/json", body);
    }

    /** Checks the answer is a problem+json with this status that names its problem, and returns it. */
    private static JsonNode problem(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertNoStackTrace(reply.body());
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("\tat ", "at io.forewarn", "at org.", "at java.", "Exception", "trace");
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asString()));
        return strings;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

}
