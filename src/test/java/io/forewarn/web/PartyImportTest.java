package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/parties/import over HTTP: create-only and upsert, CSV and GeoJSON, and what the answer lists. */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartyImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMPORT = "/api/v1/parties/import";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @Test
    void createOnlyRefusesAnIdOnFileAndUpsertReplacesIt() {
        String id = unique("moscow");
        String first = "id,kind,audience,locality,country\n" + id + ",public,public,Moscow,RU\n";
        assertThat(strings(importCsv(first, "").path("created"))).containsExactly(id);

        String changed = "id,kind,audience,locality,region,country\n" + id + ",public,public,Moscow,Moscow Oblast,RU\n";
        JsonNode refused = importCsv(changed, "");
        assertThat(strings(refused.path("created"))).isEmpty();
        assertThat(refused.path("rejected").get(0).path("field").asString()).isEqualTo("id");
        assertThat(refused.path("rejected").get(0).path("problem").asString()).contains("mode=upsert");
        assertThat(party(id).path("area").has("region")).isFalse();

        JsonNode upserted = importCsv(changed, "?mode=upsert");
        assertThat(strings(upserted.path("updated"))).containsExactly(id);
        assertThat(upserted.path("rejected").isEmpty()).isTrue();
        assertThat(party(id).path("area").path("region").asString()).isEqualTo("Moscow Oblast");
    }

    @Test
    void contactPointsAreImportedFromTheirColumnsAndBadOnesAreProblemsOfTheirLine() {
        String good = unique("venue");
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String shortSecret = "whsec_c2hvcnQ=";
        String csv = "id,kind,audience,country,email,webhook-url,webhook-secret,cap-feed,liaison\n"
                + good + ",public,public,RU,a@venue.example;b@venue.example,https://venue.example/hook," + secret
                + ",a broadcaster,the desk\n"
                + unique("bad") + ",public,public,RU,not-an-address,,,,\n"
                + unique("bad") + ",public,public,RU,,https://venue.example/hook,,,\n"
                + unique("bad") + ",public,public,RU,,https://venue.example/hook," + shortSecret + ",,\n";
        Http.Reply reply = Http.post(port, "liaison", IMPORT, "text/csv", csv);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(secret).doesNotContain(shortSecret);
        JsonNode answer = reply.json();
        assertThat(strings(answer.path("created"))).containsExactly(good);
        List<String> problems = new ArrayList<>();
        answer.path("rejected").forEach(r -> problems.add(r.path("row").asInt() + " " + r.path("field").asString() + ": "
                + r.path("problem").asString()));
        assertThat(problems).containsExactly("3 email: each must be an email address",
                "4 webhook-secret: webhook-url and webhook-secret go together; give both",
                "5 webhook-secret: a webhook secret holds 24 to 64 bytes; this one holds 5");
        assertThat(party(good).path("contacts").toString()).isEqualTo("[{\"kind\":\"email\",\"address\":\"a@venue.example\"},"
                + "{\"kind\":\"email\",\"address\":\"b@venue.example\"},"
                + "{\"kind\":\"webhook\",\"address\":\"https://venue.example/hook\"},"
                + "{\"kind\":\"cap-feed\",\"address\":\"a broadcaster\"},{\"kind\":\"liaison\",\"address\":\"the desk\"}]");

        // an upsert replaces the party whole, its contact points with it
        importCsv("id,kind,audience,country,email\n" + good + ",public,public,RU,c@venue.example\n", "?mode=upsert");
        assertThat(party(good).path("contacts").findValuesAsString("address")).containsExactly("c@venue.example");
    }

    @Test
    void anIdRepeatedInOneDocumentIsAProblemOfTheLaterRow() {
        String id = unique("kazan");
        JsonNode answer = importCsv("id,kind,audience,country\n" + id + ",public,public,RU\n" + id + ",public,public,RU\n",
                "?mode=upsert");

        assertThat(strings(answer.path("created"))).containsExactly(id);
        assertThat(answer.path("rejected").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(answer.path("rejected").get(0).path("problem").asString()).contains("earlier row (2)");
    }

    @Test
    void geoJsonFeaturesBecomePartiesWithTheirGeometry() {
        String venue = unique("venue");
        String area = unique("area");
        String collection = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.389, 55.826]},
                   "properties": {"id": "%s", "kind": "venue", "audience": "venue-operator", "site": "Crocus City Hall",
                                  "locality": "Krasnogorsk", "country": "RU", "radius-km": 0.4, "kinds": ["concert hall"]}},
                  {"type": "Feature", "geometry": {"type": "Polygon",
                                                   "coordinates": [[[37.3, 55.7], [37.9, 55.7], [37.9, 55.9], [37.3, 55.7]]]},
                   "properties": {"id": "%s", "kind": "registrants", "audience": "own-citizens", "locality": "Moscow",
                                  "count": 300}},
                  {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[1, 2]]},
                   "properties": {"id": "nowhere", "kind": "public", "audience": "public", "country": "RU"}}]}
                """.formatted(venue, area);

        Http.Reply reply = Http.post(port, "analyst", IMPORT, "application/geo+json", collection);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(strings(answer.path("created"))).containsExactly(venue, area);
        assertThat(answer.path("rejected").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected").get(0).path("field").asString()).isEqualTo("geometry");
        JsonNode site = party(venue).path("place").path("site");
        assertThat(site.path("lat").asDouble()).isEqualTo(55.826);
        assertThat(site.path("radius-km").asDouble()).isEqualTo(0.4);
        assertThat(party(area).path("area").path("locality").path("polygon").size()).isEqualTo(3);
        assertThat(party(area).path("count").asInt()).isEqualTo(300);
    }

    @Test
    void importedPartiesAreAffectedByReportsLikeAnyOther() {
        String venue = unique("venue");
        importCsv("id,kind,audience,site,locality,country,lat,lon,radius-km,kinds\n"
                + venue + ",venue,venue-operator,Crocus City Hall,Krasnogorsk,RU,55.826,37.389,0.4,concert hall\n", "");
        String report = unique("R");

        Http.Reply received = Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus(report));

        assertThat(received.status()).isEqualTo(201);
        List<String> parties = new ArrayList<>();
        received.json().path("obligations").forEach(obligation -> parties.add(obligation.path("party").asString()));
        assertThat(parties).contains(venue);
    }

    @Test
    void anUnreadableDocumentIsA400AndStoresNothing() {
        String id = unique("p");
        Http.Reply reply = Http.post(port, "analyst", IMPORT, "text/csv", "id,kind,audience,color\n" + id + ",public,public,x\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains("column 4 of the header");
        assertThat(Http.get(port, "analyst", "/api/v1/parties/" + id).status()).isEqualTo(404);

        assertThat(Http.post(port, "analyst", IMPORT + "?mode=merge", "text/csv", "id,kind,audience\n").status()).isEqualTo(400);
        assertThat(Http.post(port, "analyst", IMPORT, "text/csv; charset=windows-1252", "id,kind,audience\n").status())
                .isEqualTo(400);
        assertThat(Http.post(port, "analyst", IMPORT, "application/geo+json", "{\"type\": \"FeatureCollection\"}").status())
                .isEqualTo(400);
    }

    @Test
    void rolesThatMayNotCreatePartiesMayNotImportThem() {
        for (String login : List.of("approver", "director", "oversight", "partner")) {
            Http.Reply reply = Http.post(port, login, IMPORT, "text/csv", "id,kind,audience,country\nx,public,public,RU\n");
            assertThat(reply.status()).as(login).isEqualTo(403);
        }
        assertThat(Http.post(port, null, IMPORT, "text/csv", "id,kind,audience\n").status()).isEqualTo(401);
    }

    private JsonNode importCsv(String csv, String query) {
        Http.Reply reply = Http.post(port, "liaison", IMPORT + query, "text/csv", csv);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode party(String id) {
        Http.Reply reply = Http.get(port, "analyst", "/api/v1/parties/" + id);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asString()));
        return strings;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
