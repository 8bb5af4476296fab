package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A party that arrives, moves or leaves while a report's threat window is open is resolved against the open
 * reports at once, and a report revised is resolved against the parties: obligations are opened by the event
 * that caused them, with its login, and one that no longer matches is closed as no-longer-affected, never
 * deleted.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartiesAddedAfterAReportTest {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void partiesImportedAfterAReportInsideItsAreaGetObligationsOpenedByTheirImportAndOneMovedOutIsClosed() {
        assertThat(Http.callAs(port, "analyst", "POST", "/api/v1/reports", JSON, Reports.crocus("R-1")).status())
                .isEqualTo(201);
        // 500 in Moscow, within the report's 40 km, 500 around Kazan, 700 km east: geometry decides on both sides
        StringBuilder csv = new StringBuilder("id,kind,audience,locality,country,lat,lon,radius-km\n");
        for (int i = 0; i < 500; i++) {
            csv.append(row("moscow-" + i, "Moscow district " + i, 55.756 + (i % 20 - 10) * 0.01, 37.617 + (i / 20 - 12) * 0.01));
            csv.append(row("kazan-" + i, "Kazan district " + i, 55.79 + (i % 20 - 10) * 0.01, 49.12 + (i / 20 - 12) * 0.01));
        }
        Http.Reply imported = Http.callAs(port, "liaison", "POST", "/api/v1/parties/import", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("created").size()).isEqualTo(1000);

        List<JsonNode> obligations = all("/api/v1/obligations?report=R-1&size=500");
        assertThat(obligations).extracting(o -> o.path("party").asString())
                .containsExactlyInAnyOrderElementsOf(ids("moscow-", 500));
        for (JsonNode obligation : obligations) {
            String party = obligation.path("party").asString();
            JsonNode opened = obligation.path("history").get(0);
            assertThat(opened.path("actor").asString()).isEqualTo("liaison");
            assertThat(opened.path("note").asString()).endsWith("; upon party-registered " + party);
        }
        // on the timeline, each opening follows its party's registration and names it, with the importer's login
        Map<String, Long> registeredAt = new HashMap<>();
        Map<String, JsonNode> openings = new HashMap<>();
        List<JsonNode> events = all("/api/v1/events?size=500");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (event.path("type").asString().equals("party-registered")) {
                registeredAt.put(event.path("subject").asString(), (long) i);
            } else if (event.path("type").asString().equals("obligation-opened")
                    && event.path("subject").asString().startsWith("R-1/")) {
                openings.put(event.path("subject").asString(), event);
                String party = event.path("subject").asString().substring("R-1/".length());
                assertThat(registeredAt).as("party-registered before its obligation").containsKey(party);
                assertThat(event.path("actor").asString()).isEqualTo("liaison");
                assertThat(event.path("summary").asString()).startsWith("obligation to warn " + party
                        + " (public) opened upon party-registered " + party + ", ");
            }
        }
        assertThat(registeredAt).containsKeys(ids("kazan-", 500).toArray(String[]::new));
        assertThat(openings.keySet()).isEqualTo(new TreeSet<>(ids("R-1/moscow-", 500)));

        // moscow-7 moves to Kazan: its obligation is closed as no-longer-affected, by whoever moved it
        Http.Reply moved = Http.callAs(port, "analyst", "PUT", "/api/v1/parties/moscow-7", JSON, """
                {"id": "moscow-7", "kind": "public", "audience": "public",
                 "area": {"locality": {"name": "Kazan", "lat": 55.79, "lon": 49.12, "radius-km": 1}, "country": "RU"}}""");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode closed = Http.get(port, "oversight", "/api/v1/obligations/R-1/moscow-7").json();
        assertThat(closed.path("state").asString()).isEqualTo("closed");
        assertThat(closed.path("closed-as").asString()).isEqualTo("no-longer-affected");
        JsonNode closing = closed.path("history").get(closed.path("history").size() - 1);
        assertThat(closing.path("actor").asString()).isEqualTo("analyst");
        assertThat(closing.path("note").asString()).isEqualTo("moscow-7 is no longer affected by R-1; upon party-updated moscow-7");
        assertThat(all("/api/v1/obligations?report=R-1&state=open&size=500")).hasSize(499);
        assertThat(all("/api/v1/obligations?report=R-1&size=500")).hasSize(500);

        // and removed, it keeps its closed obligation; a party removed with an open one has it closed the same way
        assertThat(Http.callAs(port, "liaison", "DELETE", "/api/v1/parties/moscow-8", null, null).status()).isEqualTo(200);
        JsonNode removed = Http.get(port, "oversight", "/api/v1/obligations/R-1/moscow-8").json();
        assertThat(removed.path("closed-as").asString()).isEqualTo("no-longer-affected");
        assertThat(Http.get(port, "oversight", "/api/v1/parties/moscow-8").status()).isEqualTo(404);
        assertThat(Http.callAs(port, "liaison", "POST", "/api/v1/parties", JSON, """
                {"id": "moscow-8", "kind": "public", "audience": "public", "area": {"country": "RU"}}""").status())
                .isEqualTo(409);
    }

    @Test
    void aReportRevisedToAnotherPlaceObligatesThePartiesThereAndClosesThoseItLeft() {
        StringBuilder csv = new StringBuilder("id,kind,audience,locality,country,lat,lon,radius-km\n");
        for (int i = 0; i < 50; i++) {
            csv.append(row("petersburg-" + i, "Petersburg district " + i, 59.93 + (i % 10 - 5) * 0.01, 30.33 + (i / 10 - 2) * 0.01));
            csv.append(row("novosibirsk-" + i, "Novosibirsk district " + i, 55.03 + (i % 10 - 5) * 0.01, 82.92 + (i / 10 - 2) * 0.01));
        }
        assertThat(Http.callAs(port, "liaison", "POST", "/api/v1/parties/import", "text/csv", csv.toString()).status())
                .isEqualTo(200);
        String report = Reports.crocus("R-9").replaceFirst("(?s)\"place\": \\{\"locality\".*?\"country\": \"RU\"\\}",
                "\"place\": {\"locality\": {\"name\": \"Saint Petersburg\", \"lat\": 59.93, \"lon\": 30.33, "
                        + "\"radius-km\": 30}, \"country\": \"RU\"}");
        assertThat(report).contains("Saint Petersburg");
        assertThat(Http.callAs(port, "analyst", "POST", "/api/v1/reports", JSON, report).status()).isEqualTo(201);
        assertThat(all("/api/v1/obligations?report=R-9&size=500")).extracting(o -> o.path("party").asString())
                .containsExactlyInAnyOrderElementsOf(ids("petersburg-", 50));

        Http.Reply revised = Http.callAs(port, "analyst", "POST", "/api/v1/reports/R-9/revision", JSON, """
                {"place": {"locality": {"name": "Novosibirsk", "lat": 55.03, "lon": 82.92, "radius-km": 30},
                           "country": "RU"}}""");
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().path("place").path("locality").path("name").asString()).isEqualTo("Novosibirsk");

        List<JsonNode> obligations = all("/api/v1/obligations?report=R-9&size=500");
        Map<String, String> states = new HashMap<>();
        obligations.forEach(o -> states.put(o.path("party").asString(), o.path("state").asString()
                + (o.path("closed-as").isNull() ? "" : " " + o.path("closed-as").asString())));
        for (String party : ids("petersburg-", 50)) {
            assertThat(states.get(party)).as(party).isEqualTo("closed no-longer-affected");
        }
        for (String party : ids("novosibirsk-", 50)) {
            assertThat(states.get(party)).as(party).isEqualTo("open");
        }
        JsonNode opened = Http.get(port, "oversight", "/api/v1/obligations/R-9/novosibirsk-3").json().path("history").get(0);
        assertThat(opened.path("actor").asString()).isEqualTo("analyst");
        assertThat(opened.path("note").asString()).endsWith("; upon report-revised R-9");
        assertThat(Http.callAs(port, "analyst", "POST", "/api/v1/reports/R-9/revision", JSON, "{}").status())
                .isEqualTo(400);
        assertThat(Http.callAs(port, "analyst", "POST", "/api/v1/reports/R-404/revision", JSON,
                "{\"place\": {\"country\": \"RU\"}}").status()).isEqualTo(404);
    }

    private static String row(String id, String locality, double lat, double lon) {
        return String.format(Locale.ROOT, "%s,public,public,%s,RU,%.5f,%.5f,1%n", id, locality, lat, lon);
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    /** Every item of a listing, following its next links. */
    private List<JsonNode> all(String first) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String next = first;
        while (next != null && seen.add(next)) {
            JsonNode page = Http.get(port, "oversight", next).json();
            page.path("items").forEach(items::add);
            next = page.hasNonNull("next") ? page.path("next").asString() : null;
        }
        return items;
    }
}
