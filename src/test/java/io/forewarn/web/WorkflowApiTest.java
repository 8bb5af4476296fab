package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.web.Http.Reply;
import io.forewarn.server.ForewarnServer;
import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duty-to-warn workflow end to end over HTTP, on the Crocus City Hall case: waivers, drafts,
 * the two-person rule, issue, delivery and acknowledgement, the incident and its after-action
 * review, renewal, and a draft the leak check blocks. Every body that oversight, liaison or a
 * partner receives is checked for protected material.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowApiTest {

    /** A login that is both analyst and approver, to show that nobody approves their own draft. */
    static final String ANN = "ann";

    /**
     * A second report whose protected term shows only where two statements meet in a warning's
     * text: "bombing" and "militant cell" are harmless alone, "bombing. Suspected perpetrators: militant cell" (as the text joins them) is not.
     */
    static final String LEAKY_REPORT = """
            {"id": "R-2", "credibility": "B2", "harm": "killing",
             "actor": {"type": "militant cell"},
             "target": {"class": "concert halls", "category": "mass gatherings"},
             "place": {"locality": {"name": "Moscow", "lat": 55.756, "lon": 37.617, "radius-km": 40},
                       "region": "Moscow Oblast", "country": "RU"},
             "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
             "method": {"generic": "bombing"},
             "protected": {"terms": ["bombing. Suspected perpetrators: militant cell", "KESTREL"],
                           "sources": ["a walk-in defector from the cell"]}}
            """;

    /** What only analysts, approvers and directors may see, of both reports. */
    static final List<String> SECRETS = Stream.concat(Reports.PROTECTED.stream(),
            Stream.of("bombing. Suspected perpetrators: militant cell", "KESTREL", "a walk-in defector from the cell")).toList();

    /** The roles without need-to-know: no body they receive may carry a secret. */
    static final Set<String> WITHOUT_NEED_TO_KNOW = Set.of("oversight", "liaison", "partner");

    @LocalServerPort
    int port;

    /** Every call the test made as a role without need-to-know, for the final check. */
    private final List<String> redactedCalls = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, new ServerUnderTest.Login(ANN, Role.ANALYST, Role.APPROVER));
    }

    @Test
    void theCrocusCaseIsWorkedThroughTheApiAndReviewed() throws InterruptedException {
        for (String party : Reports.CROCUS_PARTIES) {
            assertThat(post("analyst", "/api/v1/parties", party).status()).isEqualTo(201);
        }
        Reply received = post("analyst", "/api/v1/reports", Reports.crocus("R-1"));
        assertThat(received.status()).isEqualTo(201);
        assertThat(received.json().path("obligations").size()).isEqualTo(4);

        // Not to warn the authorities, on the sources-and-methods ground: only a director may approve it.
        Reply leakingAlternative = post("liaison", "/api/v1/obligations/R-1/ru-authorities/waivers", """
                {"reason": "unduly-endangers-sources-or-personnel", "scope": "not-warned",
                 "alternative": "told them what NIGHTJAR said"}""");
        assertThat(leakingAlternative.status()).isEqualTo(400);
        assertThat(leakingAlternative.detail()).contains("protected term #0");
        Reply requested = post("analyst", "/api/v1/obligations/R-1/ru-authorities/waivers", """
                {"reason": "unduly-endangers-sources-or-personnel", "scope": "not-warned",
                 "alternative": "a sanitized warning passed through liaison"}""");
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.json().path("status").asString()).isEqualTo("pending");
        assertThat(requested.json().path("requested-by").asString()).isEqualTo("analyst");
        String waiver = requested.json().path("id").asString();
        assertThat(state("R-1/ru-authorities")).isEqualTo("waiver-requested");

        Reply wrongRole = post("approver", "/api/v1/waivers/" + waiver + "/approve", "{\"note\": \"fine by me\"}");
        assertThat(wrongRole.status()).isEqualTo(409);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(wrongRole.detail()).contains("must be approved by director, not approver");
        assertThat(state("R-1/ru-authorities")).isEqualTo("waiver-requested");

        Reply waived = post("director", "/api/v1/waivers/" + waiver + "/approve", "{\"note\": \"liaison passed it on\"}");
        assertThat(waived.status()).isEqualTo(200);
        assertThat(waived.json().path("decision").path("decided-by").asString()).isEqualTo("director");
        assertThat(waived.json().path("decision").path("role").asString()).isEqualTo("director");
        assertThat(state("R-1/ru-authorities")).isEqualTo("waived");
        assertThat(get("oversight", "/api/v1/waivers/" + waiver).json().path("status").asString()).isEqualTo("approved");

        // A draft for every audience still waiting for one.
        Reply citizens = post("analyst", "/api/v1/reports/R-1/drafts", "{\"audience\": \"own-citizens\"}");
        Reply publicDraft = post(ANN, "/api/v1/reports/R-1/drafts", "{\"audience\": \"public\"}");
        Reply venue = post("analyst", "/api/v1/reports/R-1/drafts", "{\"audience\": \"venue-operator\"}");
        for (Reply draft : List.of(citizens, publicDraft, venue)) {
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            assertThat(draft.json().path("status").asString()).isEqualTo("drafted");
            assertThat(draft.json().path("leak").path("blocked").asBoolean()).isFalse();
            assertThat(draft.json().path("approvable").asBoolean()).as(draft.body()).isTrue();
            assertThat(draft.json().path("text").asString()).startsWith("Security alert: credible threat to life.");
        }
        assertThat(publicDraft.json().path("drafted-by").asString()).isEqualTo(ANN);
        assertThat(citizens.json().path("obligations").get(0).asString()).isEqualTo("R-1/us-citizens-ru");
        Reply authorities = post("analyst", "/api/v1/reports/R-1/drafts", "{\"audience\": \"foreign-government\"}");
        assertThat(authorities.status()).isEqualTo(409);
        assertThat(authorities.detail()).contains("waiting for a draft");

        // Two persons: whoever drafted cannot approve, even holding the approver role.
        String publicId = id(publicDraft);
        Reply ownApproval = post(ANN, "/api/v1/drafts/" + publicId + "/approve", null);
        assertThat(ownApproval.status()).isEqualTo(409);
        assertThat(ownApproval.detail()).isEqualTo("draft " + publicId + " cannot be approved: "
                + "ann drafted it and cannot also approve it");
        assertThat(get("oversight", "/api/v1/drafts/" + publicId).json().path("status").asString()).isEqualTo("drafted");

        Reply approved = post("approver", "/api/v1/drafts/" + id(citizens) + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("approved");
        assertThat(approved.json().path("decided-by").asString()).isEqualTo("approver (approver)");
        assertThat(post("approver", "/api/v1/drafts/" + publicId + "/approve", null).status()).isEqualTo(200);

        // The venue's draft is withdrawn, so the venue is never warned, as in March 2024.
        Reply cancelled = post("analyst", "/api/v1/drafts/" + id(venue) + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        Reply approveCancelled = post("director", "/api/v1/drafts/" + id(venue) + "/approve", null);
        assertThat(approveCancelled.status()).isEqualTo(409);
        assertThat(approveCancelled.detail()).isEqualTo("draft " + id(venue) + " is cancelled, not drafted");

        Reply toCitizens = post("director", "/api/v1/drafts/" + id(citizens) + "/issue", null);
        Reply toPublic = post("approver", "/api/v1/drafts/" + publicId + "/issue", null);
        assertThat(toCitizens.status()).isEqualTo(201);
        assertThat(toPublic.status()).isEqualTo(201);
        assertThat(toCitizens.json().path("parties").get(0).asString()).isEqualTo("us-citizens-ru");
        assertThat(toPublic.json().path("parties").get(0).asString()).isEqualTo("public-moscow");
        assertThat(post("approver", "/api/v1/drafts/" + id(citizens) + "/issue", null).status()).isEqualTo(409);
        assertThat(state("R-1/us-citizens-ru")).isEqualTo("issued");

        // Liaison delivers and records the acknowledgements.
        for (String party : List.of("us-citizens-ru", "public-moscow")) {
            Reply delivered = post("liaison", "/api/v1/obligations/R-1/" + party + "/delivery", "{\"channel\": \"embassy alert\"}");
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.json().path("state").asString()).isEqualTo("delivered");
            Reply acknowledged = post("liaison", "/api/v1/obligations/R-1/" + party + "/acknowledgement", null);
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(acknowledged.json().path("state").asString()).isEqualTo("acknowledged");
        }
        Reply notIssued = post("liaison", "/api/v1/obligations/R-1/crocus-city-hall/acknowledgement", null);
        assertThat(notIssued.status()).isEqualTo(409);
        assertThat(notIssued.detail()).isEqualTo("obligation R-1/crocus-city-hall cannot move from drafted to acknowledged "
                + "(allowed from drafted: drafted, approved, waiver-requested, overdue, closed)");

        // The attack, recorded once it has happened: at a millisecond after the acknowledgements.
        Instant acknowledged = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Poll.until(Duration.ofSeconds(1), () -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(acknowledged),
                () -> "the clock did not move past " + acknowledged);
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        Reply incident = post("analyst", "/api/v1/incidents", Reports.incident("crocus-city-hall-attack", now));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        assertThat(post("director", "/api/v1/incidents", Reports.incident("crocus-city-hall-attack", now)).status())
                .isEqualTo(409);
        Reply future = post("analyst", "/api/v1/incidents",
                Reports.incident("tomorrow", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("line").asInt()).isEqualTo(1);
        assertThat(get("oversight", "/api/v1/incidents").json().path("items").size()).isEqualTo(1);

        Reply review = get("oversight", "/api/v1/incidents/crocus-city-hall-attack/review");
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().path("correlations").valueStream().map(c -> c.path("report").asString()))
                .containsExactly("R-1");
        assertThat(findingsByParty(review)).isEqualTo(Map.of(
                "us-citizens-ru", List.of("incident-covered"),
                "public-moscow", List.of("incident-covered"),
                "ru-authorities", List.of(),
                "crocus-city-hall", List.of("affected-party-never-warned")));

        // The timeline names every actor by login, and keeps the refused approval.
        Reply timeline = get("oversight", "/api/v1/events?size=500");
        List<String> steps = timeline.json().path("items").valueStream()
                .map(e -> e.path("type").asString() + " " + e.path("subject").asString() + " " + e.path("actor").asString())
                .toList();
        assertThat(steps).contains(
                "waiver-requested " + waiver + " analyst",
                "waiver-approved " + waiver + " director",
                "warning-drafted " + publicId + " ann",
                "approval-refused " + publicId + " ann",
                "draft-approved " + publicId + " approver",
                "draft-cancelled " + id(venue) + " analyst",
                "warning-issued " + id(toCitizens) + " director",
                "warning-delivered R-1/us-citizens-ru liaison",
                "warning-acknowledged R-1/public-moscow liaison",
                "incident-recorded crocus-city-hall-attack analyst");
        assertThat(steps).doesNotContain("waiver-approved " + waiver + " approver");
        Reply first = get("liaison", "/api/v1/events?size=1");
        assertThat(first.json().path("items").size()).isEqualTo(1);
        Reply page = get("liaison", first.json().path("next").asString().replace("size=1", "size=2"));
        assertThat(page.json().path("items").valueStream().map(e -> e.path("type").asString()))
                .isEqualTo(steps.subList(1, 3).stream().map(step -> step.split(" ")[0]).toList());
        assertThat(page.json().path("size").asInt()).isEqualTo(2);
        assertThat(page.json().path("next").asString()).startsWith("/api/v1/events?");

        // A renewal is drafted by an analyst and can be withdrawn even once approved.
        Reply renewal = post("analyst", "/api/v1/warnings/" + id(toCitizens) + "/renewal", null);
        assertThat(renewal.status()).isEqualTo(201);
        assertThat(renewal.json().path("renews").asString()).isEqualTo(id(toCitizens));
        assertThat(post("director", "/api/v1/drafts/" + id(renewal) + "/approve", null).status()).isEqualTo(200);
        assertThat(post("approver", "/api/v1/drafts/" + id(renewal) + "/cancel", null).status()).isEqualTo(200);
        assertThat(state("R-1/us-citizens-ru")).isEqualTo("acknowledged");

        // A draft the leak check blocks: the analyst is told which item shows through, oversight only its number.
        assertThat(post("analyst", "/api/v1/reports", LEAKY_REPORT).status()).isEqualTo(201);
        Reply blocked = post("analyst", "/api/v1/reports/R-2/drafts", "{\"audience\": \"public\"}");
        assertThat(blocked.status()).isEqualTo(201);
        assertThat(blocked.json().path("leak").path("blocked").asBoolean()).isTrue();
        assertThat(blocked.json().path("leak").path("matches").valueStream().map(JsonNode::asString))
                .containsExactly("protected term #0 \"bombing. Suspected perpetrators: militant cell\"");
        assertThat(blocked.json().path("text").asString()).containsIgnoringCase("bombing. Suspected perpetrators: militant cell");
        assertThat(blocked.json().path("obstacles").valueStream().map(JsonNode::asString))
                .containsExactly("the leak check blocks the text");
        Reply seenByOversight = get("oversight", "/api/v1/drafts/" + id(blocked));
        assertThat(seenByOversight.json().path("leak").path("matches").valueStream().map(JsonNode::asString))
                .containsExactly("protected term #0");
        assertThat(seenByOversight.json().path("text").isNull()).isTrue();
        assertThat(seenByOversight.json().path("text-withheld").asBoolean()).isTrue();
        Reply refused = post("approver", "/api/v1/drafts/" + id(blocked) + "/approve", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("draft " + id(blocked) + " cannot be approved: the leak check blocks the text");

        // Everything a role without need-to-know can ask for, asked.
        for (String role : List.of("oversight", "liaison", "partner")) {
            for (String path : List.of("/api/v1/reports", "/api/v1/reports/R-2", "/api/v1/drafts", "/api/v1/drafts/" + id(blocked),
                    "/api/v1/warnings", "/api/v1/waivers", "/api/v1/obligations?size=500", "/api/v1/events?size=500",
                    "/api/v1/incidents", "/api/v1/incidents/crocus-city-hall-attack/review")) {
                Reply answer = get(role, path);
                assertThat(answer.status()).as("%s %s", role, path).isEqualTo(role.equals("partner") ? 403 : 200);
            }
        }
        assertThat(redactedCalls).hasSizeGreaterThan(40);
    }

    @Test
    void unknownIdsAreNotFoundAndBadBodiesSayWhere() {
        assertThat(get("oversight", "/api/v1/drafts/D-999").status()).isEqualTo(404);
        assertThat(get("oversight", "/api/v1/warnings/W-999").status()).isEqualTo(404);
        assertThat(get("oversight", "/api/v1/waivers/X-999").status()).isEqualTo(404);
        assertThat(get("oversight", "/api/v1/incidents/nothing-happened/review").status()).isEqualTo(404);
        assertThat(post("analyst", "/api/v1/reports/R-999/drafts", "{\"audience\": \"public\"}").status()).isEqualTo(404);
        assertThat(post("approver", "/api/v1/drafts/D-999/approve", null).status()).isEqualTo(404);
        assertThat(post("director", "/api/v1/drafts/D-999/issue", null).status()).isEqualTo(404);
        assertThat(post("analyst", "/api/v1/drafts/D-999/cancel", null).status()).isEqualTo(404);
        assertThat(post("analyst", "/api/v1/warnings/W-999/renewal", null).status()).isEqualTo(404);
        assertThat(post("director", "/api/v1/waivers/X-999/reject", null).status()).isEqualTo(404);
        assertThat(post("liaison", "/api/v1/obligations/R-999/nobody/delivery", "{\"channel\": \"phone\"}").status())
                .isEqualTo(404);
        assertThat(post("analyst", "/api/v1/obligations/R-999/nobody/waivers",
                "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}").status()).isEqualTo(404);

        Reply badFacet = post("analyst", "/api/v1/reports/R-999/drafts", """
                {"audience": "public",
                 "lowered": {"colour": "none"}}""");
        assertThat(badFacet.status()).isEqualTo(400);
        assertThat(badFacet.contentType()).startsWith("application/problem+json");
        assertThat(badFacet.detail()).startsWith("request body:2:14: ");
        assertThat(badFacet.json().path("line").asInt()).isEqualTo(2);
        assertThat(badFacet.json().path("column").asInt()).isEqualTo(14);
        Reply sanitizersOwn = post("analyst", "/api/v1/reports/R-999/drafts",
                "{\"audience\": \"public\", \"justifications\": {\"place\": \"leak-check\"}}");
        assertThat(sanitizersOwn.status()).isEqualTo(400);
        assertThat(sanitizersOwn.detail()).contains("recorded by the sanitizer itself");
        Reply badScope = post("analyst", "/api/v1/obligations/R-999/nobody/waivers",
                "{\"reason\": \"victim-already-aware\", \"scope\": \"quietly\"}");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().path("column").asInt()).isEqualTo(45); // where "quietly" begins
        assertThat(get("oversight", "/api/v1/events?after=not*a*cursor").status()).isEqualTo(400);
    }

    @Test
    void aPartyReadsBackInTheShapeItWasWrittenAndThatShapeCanBeWrittenAgain() {
        // In France, so the Crocus report of the other test affects none of them.
        Map<String, String> written = Map.of(
                "shape-citizens", """
                        {"id":"shape-citizens","kind":"registrants","audience":"own-citizens","relationship":"ally",\
                        "area":{"country":"FR"},"count":5000,"synthetic":true}""",
                "shape-public", """
                        {"id":"shape-public","kind":"public","audience":"public","relationship":"neutral",\
                        "area":{"locality":"Paris","region":"Ile-de-France","country":"FR"},"synthetic":false}""",
                "shape-authorities", """
                        {"id":"shape-authorities","kind":"authority","audience":"foreign-government",\
                        "relationship":"adversarial","jurisdiction":{"country":"FR"},"channel":"liaison","synthetic":false}""",
                "shape-venue", """
                        {"id":"shape-venue","kind":"venue","audience":"venue-operator","relationship":"neutral",\
                        "place":{"site":{"name":"Louvre","lat":48.861,"lon":2.336,"radius-km":0.4},\
                        "locality":"Paris","country":"FR"},"kinds":["museum"],"synthetic":false}""");
        for (Map.Entry<String, String> party : written.entrySet()) {
            Reply created = post("analyst", "/api/v1/parties", party.getValue());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).isEqualTo(party.getValue());

            Reply read = get("analyst", "/api/v1/parties/" + party.getKey());
            assertThat(read.body()).isEqualTo(party.getValue());

            Reply rewritten = call("liaison", "PUT", "/api/v1/parties/" + party.getKey(), read.body());
            assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(200);
            assertThat(rewritten.body()).isEqualTo(party.getValue());
        }
    }

    private static String id(Reply reply) {
        return reply.json().path("id").asString();
    }

    private String state(String obligation) {
        return get("oversight", "/api/v1/obligations/" + obligation).json().path("state").asString();
    }

    private static Map<String, List<String>> findingsByParty(Reply review) {
        return review.json().path("parties").valueStream().collect(Collectors.toMap(
                row -> row.path("party").asString(),
                row -> row.path("findings").valueStream().map(JsonNode::asString).toList()));
    }

    private Reply get(String login, String path) {
        return call(login, "GET", path, null);
    }

    private Reply post(String login, String path, String body) {
        return call(login, "POST", path, body);
    }

    private Reply call(String login, String method, String path, String body) {
        Reply answer = Http.callAs(port, login, method, path,
                body == null ? null : "application/json", body);
        if (WITHOUT_NEED_TO_KNOW.contains(login)) {
            redactedCalls.add(method + " " + path);
            String seen = answer.body().toLowerCase(Locale.ROOT);
            for (String secret : SECRETS) {
                assertThat(seen).as("%s %s as %s", method, path, login).doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
        return answer;
    }
}
