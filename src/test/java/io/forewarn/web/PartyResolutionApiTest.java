package io.forewarn.web;

import io.forewarn.policy.Role;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server resolves parties by who they are and by where the gazetteer puts them, through its database's
 * indexes (the casebook's index of names and of gazetteer paths, never a read of every party): a report naming a
 * person obligates her wherever she is registered, and a report at a region obligates a venue recorded only by its
 * town, whether the party was on file before the report or registered after it.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartyResolutionApiTest {

    static final String VENUE_IN_KRASNOGORSK = """
            {"id": "%s", "kind": "venue", "audience": "venue-operator", "kinds": ["concert hall"],
             "place": {"site": "%s", "locality": "Krasnogorsk"}}""";

    static final String REPORT = """
            {"id": "%s", "credibility": "B2", "harm": "%s", "actor": {"type": "terrorist group"},
             "target": %s, "place": %s,
             "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
             "method": {"generic": "attack"}}""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, new ServerUnderTest.Login("ann", Role.ANALYST, Role.APPROVER));
    }

    @Test
    void aReportAtMoscowOblastObligatesAVenueRecordedOnlyInKrasnogorsk() {
        created(post("/api/v1/parties", VENUE_IN_KRASNOGORSK.formatted("crocus-hall", "Crocus City Hall")));
        created(post("/api/v1/parties", """
                {"id": "kazan-public", "kind": "public", "audience": "public", "area": {"locality": "Kazan", "country": "RU"}}"""));

        Reply received = post("/api/v1/reports", REPORT.formatted("R-OBLAST", "killing",
                "{\"class\": \"concert halls\"}", "{\"region\": \"Moscow Oblast\", \"country\": \"RU\"}"));

        created(received);
        assertThat(obligations(received)).containsExactly("crocus-hall");
        assertThat(received.json().path("obligations").get(0).path("history").get(0).path("note").asString())
                .startsWith("place: gazetteer: Krasnogorsk, Moscow Oblast, RU (geonames:542374) lies within Moscow Oblast, RU");
    }

    @Test
    void aVenueRecordedOnlyInKrasnogorskRegisteredAfterAReportAtMoscowOblastIsObligated() {
        created(post("/api/v1/reports", REPORT.formatted("R-OBLAST-2", "killing",
                "{\"class\": \"concert halls\"}", "{\"region\": \"Moscow Oblast\", \"country\": \"RU\"}")));

        created(post("/api/v1/parties", VENUE_IN_KRASNOGORSK.formatted("vegas-hall", "Vegas City Hall")));

        Reply obligation = Http.callAs(port, "analyst", "GET", "/api/v1/obligations/R-OBLAST-2/vegas-hall", null, null);
        assertThat(obligation.status()).as(obligation.body()).isEqualTo(200);
        assertThat(obligation.json().path("history").get(0).path("note").asString())
                .startsWith("place: gazetteer: Krasnogorsk, Moscow Oblast, RU (geonames:542374) lies within Moscow Oblast, RU");
    }

    @Test
    void aReportNamingAPersonRegisteredInAnotherCountryObligatesHerByTheNameSheIsKnownBy() {
        Reply party = post("/api/v1/parties", """
                {"id": "mara", "kind": "registrants", "audience": "individual", "count": 1,
                 "area": {"locality": "Berlin", "country": "DE"},
                 "known-as": {"names": ["Mara Kestenholz", "Мара Кестенхольц"],
                              "identifiers": [{"scheme": "passport", "value": "C01X00T47"}]}}""");
        created(party);
        assertThat(party.json().path("known-as").toString()).isEqualTo("{\"names\":[\"Mara Kestenholz\",\"Мара Кестенхольц\"],"
                + "\"identifiers\":[{\"scheme\":\"passport\",\"value\":\"C01X00T47\"}]}");

        Reply received = post("/api/v1/reports", REPORT.formatted("R-NAMED", "kidnapping",
                "{\"named\": \"MARA KESTENHOLZ\", \"class\": \"journalists\"}", "{\"locality\": \"Istanbul\", \"country\": \"TR\"}"));

        created(received);
        assertThat(obligations(received)).containsExactly("mara");
        assertThat(received.json().path("obligations").get(0).path("audience").asString()).isEqualTo("individual");
        assertThat(received.json().path("obligations").get(0).path("history").get(0).path("note").asString())
                .isEqualTo("target: named MARA KESTENHOLZ is the party's name Mara Kestenholz");
    }

    @Test
    void aNearNameIsOfferedOnTheReportToNeedToKnowRolesOnlyAndConfirmedByAnAnalyst() {
        created(post("/api/v1/parties", """
                {"id": "jonas", "kind": "registrants", "audience": "individual", "count": 1,
                 "area": {"locality": "Oslo", "country": "NO"}, "known-as": {"names": ["Jonas Brekkestad"]}}"""));
        created(post("/api/v1/reports", REPORT.formatted("R-NEAR", "kidnapping",
                "{\"named\": \"Jonas Brekkested\"}", "{\"locality\": \"Istanbul\", \"country\": \"TR\"}")));

        Reply byAnalyst = Http.callAs(port, "analyst", "GET", "/api/v1/reports/R-NEAR", null, null);
        assertThat(byAnalyst.json().path("near-matches").toString()).startsWith("[{\"id\":\"M-")
                .contains("\"party\":\"jonas\",\"party-name\":\"Jonas Brekkestad\",\"how\":\"one letter apart\"")
                .contains("\"status\":\"offered\",\"decision\":null}]");
        String id = byAnalyst.json().path("near-matches").get(0).path("id").asString();
        for (String login : List.of("liaison", "oversight")) {
            Reply report = Http.callAs(port, login, "GET", "/api/v1/reports/R-NEAR", null, null);
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.json().has("near-matches")).as(login).isFalse();
            assertThat(Http.callAs(port, login, "GET", "/api/v1/near-matches?report=R-NEAR", null, null).status())
                    .as(login).isEqualTo(403);
        }
        assertThat(Http.callAs(port, "analyst", "GET", "/api/v1/near-matches?report=R-NEAR&status=offered", null, null)
                .json().path("items").valueStream().map(m -> m.path("party").asString())).containsExactly("jonas");

        Reply confirmed = Http.callAs(port, "analyst", "POST", "/api/v1/near-matches/" + id + "/confirm", null, null);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.json().path("decision").path("decided-by").asString()).isEqualTo("analyst");
        Reply obligation = Http.callAs(port, "liaison", "GET", "/api/v1/obligations/R-NEAR/jonas", null, null);
        assertThat(obligation.status()).isEqualTo(200);
        assertThat(obligation.json().path("history").get(0).path("actor").asString()).isEqualTo("analyst");
        assertThat(Http.callAs(port, "analyst", "POST", "/api/v1/near-matches/" + id + "/reject", null, null).status())
                .isEqualTo(409);
    }

    private static void created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static List<String> obligations(Reply received) {
        return received.json().path("obligations").valueStream().map(o -> o.path("party").asString()).toList();
    }

    private Reply post(String path, String body) {
        return Http.callAs(port, "analyst", "POST", path, "application/json", body);
    }
}
