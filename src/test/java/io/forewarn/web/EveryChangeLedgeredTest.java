package io.forewarn.web;

import io.forewarn.Crocus;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.InMemoryDeliveryRecords;
import io.forewarn.party.ContactPoint;
import io.forewarn.server.ForewarnServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change made through the API is in the ledger with the login that made it. The mutating operations are
 * read from the OpenAPI document the server publishes, so an endpoint added later without a step here fails
 * the test; each step calls one as a login named after its role and asserts the ledger entries it left,
 * exactly: their types, in order, each naming that login as its actor (never {@code scheduler}: the clock is
 * stopped here). A change that is not a change of the case (a token, a replay in memory) leaves none. A party's
 * events name it by its id and nothing else of it.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, DeliveriesUnderTest.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryChangeLedgeredTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    /** The outbox's record of a delivery to the second venue, for the acknowledgement that names it. */
    @Autowired
    InMemoryDeliveryRecords deliveries;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    /** One call, as a login, and the ledger entries (types, in order) it must leave, each with that login as actor. */
    record Step(String operationId, String login, String method, String path, String contentType, String body,
                int status, List<String> entries) {
    }

    private static final String JSON_TYPE = "application/json";

    private static List<Step> steps() {
        return List.of(
                new Step("createParty", "analyst", "POST", "/api/v1/parties", JSON_TYPE, Reports.venue("crocus-city-hall"),
                        201, List.of("party-registered")),
                // a second venue operator, to acknowledge its warning the way its webhook receiver would
                new Step("createParty", "analyst", "POST", "/api/v1/parties", JSON_TYPE, Reports.venue("crocus-annex"),
                        201, List.of("party-registered")),
                new Step("importParties", "liaison", "POST", "/api/v1/parties/import", "text/csv", """
                        id,kind,audience,relationship,locality,region,country,count,channel
                        us-citizens-ru,registrants,own-citizens,ally,,,RU,5000,
                        public-moscow,public,public,,Moscow,Moscow Oblast,RU,,
                        ru-authorities,authority,foreign-government,adversarial,,,RU,,liaison
                        """, 200, List.of("party-registered", "party-registered", "party-registered")),
                // a report received opens its obligations: the analyst who entered it opened them
                new Step("receiveReport", "analyst", "POST", "/api/v1/reports", JSON_TYPE, Reports.crocus("R-1"), 201,
                        List.of("report-received", "obligation-opened", "obligation-opened", "obligation-opened",
                                "obligation-opened", "obligation-opened")),
                // the public of Moscow moved to Kazan: no longer affected, its obligation closed, by the liaison
                new Step("replaceParty", "liaison", "PUT", "/api/v1/parties/public-moscow", JSON_TYPE, """
                        {"id": "public-moscow", "kind": "public", "audience": "public",
                         "area": {"locality": "Kazan", "country": "RU"}}""", 200,
                        List.of("party-updated", "obligation-closed")),
                new Step("removeParty", "analyst", "DELETE", "/api/v1/parties/us-citizens-ru", null, null, 200,
                        List.of("party-removed", "obligation-closed")),
                // the report now covers Kazan too: the public there is affected again
                new Step("reviseReport", "analyst", "POST", "/api/v1/reports/R-1/revision", JSON_TYPE, """
                        {"place": {"country": "RU"}}""", 200,
                        List.of("report-revised", "obligation-opened")),
                new Step("draftWarning", "analyst", "POST", "/api/v1/reports/R-1/drafts", JSON_TYPE,
                        "{\"audience\": \"venue-operator\"}", 201, List.of("warning-drafted")),
                new Step("approveDraft", "approver", "POST", "/api/v1/drafts/D-1/approve", null, null, 200,
                        List.of("draft-approved")),
                new Step("issueDraft", "director", "POST", "/api/v1/drafts/D-1/issue", null, null, 201,
                        List.of("warning-issued")),
                new Step("recordDelivery", "liaison", "POST", "/api/v1/obligations/R-1/crocus-city-hall/delivery",
                        JSON_TYPE, "{\"channel\": \"venue contact\"}", 200, List.of("warning-delivered")),
                new Step("recordAcknowledgement", "liaison", "POST",
                        "/api/v1/obligations/R-1/crocus-city-hall/acknowledgement", null, null, 200,
                        List.of("warning-acknowledged")),
                // the callback a webhook receiver makes, here with a liaison login: delivered (the outbox had not
                // heard yet) and acknowledged
                new Step("acknowledgeDelivery", "liaison", "POST", "/api/v1/acknowledgements", JSON_TYPE,
                        "{\"delivery\": \"DL-annex\"}", 200, List.of("warning-delivered", "warning-acknowledged")),
                new Step("draftRenewal", "analyst", "POST", "/api/v1/warnings/W-1/renewal", null, null, 201,
                        List.of("renewal-drafted")),
                new Step("editDraftText", "analyst", "PUT", "/api/v1/drafts/D-2/text", JSON_TYPE,
                        "{\"text\": \"Security alert: avoid Crocus City Hall.\"}", 200, List.of("draft-edited")),
                new Step("cancelDraft", "approver", "POST", "/api/v1/drafts/D-2/cancel", null, null, 200,
                        List.of("draft-cancelled")),
                // the venue's warning withdrawn: one event, by the approver who did it
                new Step("cancelWarning", "approver", "POST", "/api/v1/warnings/W-1/cancellation", JSON_TYPE,
                        "{\"reason\": \"the venue's event was called off\"}", 200, List.of("warning-cancelled")),
                // the venue told by liaison that its warning is withdrawn
                new Step("recordWithdrawal", "liaison", "POST", "/api/v1/obligations/R-1/crocus-city-hall/withdrawal",
                        JSON_TYPE, "{\"channel\": \"venue contact\"}", 200, List.of("withdrawal-delivered")),
                new Step("requestWaiver", "liaison", "POST", "/api/v1/obligations/R-1/ru-authorities/waivers", JSON_TYPE,
                        "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}", 201,
                        List.of("waiver-requested")),
                new Step("rejectWaiver", "director", "POST", "/api/v1/waivers/X-1/reject", JSON_TYPE,
                        "{\"note\": \"they must be told\"}", 200, List.of("waiver-rejected")),
                new Step("requestWaiver", "analyst", "POST", "/api/v1/obligations/R-1/ru-authorities/waivers", JSON_TYPE,
                        "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}", 201,
                        List.of("waiver-requested")),
                new Step("approveWaiver", "approver", "POST", "/api/v1/waivers/X-2/approve", JSON_TYPE,
                        "{\"note\": \"they know\"}", 200, List.of("waiver-approved")),
                // a report naming a person: two parties whose names are only near it are offered, never obligated
                new Step("createParty", "liaison", "POST", "/api/v1/parties", JSON_TYPE, """
                        {"id": "mara-1", "kind": "registrants", "audience": "individual", "count": 1,
                         "area": {"locality": "Berlin", "country": "DE"}, "known-as": {"names": ["Mara Kestenholtz"]}}""",
                        201, List.of("party-registered")),
                new Step("createParty", "analyst", "POST", "/api/v1/parties", JSON_TYPE, """
                        {"id": "mara-2", "kind": "registrants", "audience": "individual", "count": 1,
                         "area": {"locality": "Vienna", "country": "AT"}, "known-as": {"names": ["Kestenholz Mara"]}}""",
                        201, List.of("party-registered")),
                new Step("receiveReport", "analyst", "POST", "/api/v1/reports", JSON_TYPE, """
                        {"id": "R-2", "credibility": "B2", "harm": "kidnapping", "actor": {"type": "security service"},
                         "target": {"named": "Mara Kestenholz", "class": "journalists"},
                         "place": {"locality": "Istanbul", "country": "TR"},
                         "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
                         "method": {"generic": "abduction"}}""", 201,
                        List.of("report-received", "near-match-offered", "near-match-offered", "no-party-affected")),
                new Step("confirmNearMatch", "analyst", "POST", "/api/v1/near-matches/M-1/confirm", JSON_TYPE,
                        "{\"note\": \"the same journalist, her name misspelt in the register\"}", 200,
                        List.of("near-match-confirmed", "obligation-opened")),
                new Step("rejectNearMatch", "analyst", "POST", "/api/v1/near-matches/M-2/reject", null, null, 200,
                        List.of("near-match-rejected")),
                new Step("recordIncident", "director", "POST", "/api/v1/incidents", JSON_TYPE,
                        Reports.incident("crocus-city-hall-attack", "2024-03-22T19:58+03:00"), 201,
                        List.of("incident-recorded")),
                new Step("uploadPolicy", "director", "POST", "/api/v1/policy", "application/yaml",
                        Reports.policyVersion(4), 201, List.of("policy-adopted")),
                // not changes of the case: a replay runs in memory, a token is the login's own
                new Step("runScenario", "oversight", "POST", "/api/v1/scenario-runs?mode=as-recorded", "application/yaml",
                        Crocus.SCENARIO_TEXT, 200, List.of()),
                new Step("issue", "approver", "POST", "/api/v1/tokens", null, null, 200, List.of()),
                new Step("logout", "approver", "DELETE", "/api/v1/tokens/current", null, null, 204, List.of()));
    }

    @Test
    void everyMutatingEndpointLeavesTheLedgerEntriesItShouldNamingItsLogin() {
        deliveries.put(new DeliveryRecords.Addressed("DL-annex", "W-1", "R-1/crocus-annex", "crocus-annex",
                new ContactPoint.Webhook(java.net.URI.create("https://annex.example/hooks"),
                        "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))));
        Set<String> documented = mutatingOperations();
        Set<String> walked = new TreeSet<>(steps().stream().map(Step::operationId).toList());
        assertThat(walked).as("every mutating operation of /v3/api-docs has a step here").isEqualTo(documented);

        String token = null;
        for (Step step : steps()) {
            List<JsonNode> before = entries();
            Http.Reply reply;
            if (step.operationId().equals("logout")) {
                reply = Http.callWith(port, Http.bearer(token), step.method(), step.path(), null, null);
            } else {
                reply = Http.callAs(port, step.login(), step.method(), step.path(), step.contentType(), step.body());
            }
            assertThat(reply.status()).as(step.operationId() + ": " + reply.body()).isEqualTo(step.status());
            if (step.operationId().equals("issue")) {
                token = reply.json().path("access_token").asString();
            }
            List<JsonNode> left = entries().subList(before.size(), entries().size());
            assertThat(left).as(step.operationId()).extracting(e -> e.path("type").asString())
                    .containsExactlyElementsOf(step.entries());
            assertThat(left).as(step.operationId() + ": actors").extracting(e -> e.path("actor").asString())
                    .allMatch(step.login()::equals);
            // a party's place and details are need-to-know: its events name it by its id, and say nothing else of it
            left.stream().filter(e -> e.path("type").asString().startsWith("party-")).forEach(e ->
                    assertThat(e.path("summary").asString()).as(step.operationId()).matches("party "
                            + java.util.regex.Pattern.quote(e.path("subject").asString())
                            + " (registered|updated|updated; its place changed|removed)"));
        }
    }

    /** The operationIds of every POST, PUT, PATCH and DELETE the server documents. */
    private Set<String> mutatingOperations() {
        JsonNode document = Http.get(port, null, "/v3/api-docs").json();
        Set<String> operations = new TreeSet<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (Set.of("post", "put", "patch", "delete").contains(operation.getKey().toLowerCase(Locale.ROOT))) {
                    operations.add(operation.getValue().path("operationId").asString());
                }
            }
        }
        return operations;
    }

    /** The events of every ledger entry, in index order, read through the API. */
    private List<JsonNode> entries() {
        List<JsonNode> events = new ArrayList<>();
        String next = "/api/v1/ledger/entries?size=500";
        Set<String> seen = new LinkedHashSet<>();
        while (next != null && seen.add(next)) {
            JsonNode page = Http.get(port, "oversight", next).json();
            for (JsonNode entry : page.path("items")) {
                events.add(JSON.readTree(entry.path("body").asString()).path("event"));
            }
            next = page.hasNonNull("next") ? page.path("next").asString() : null;
        }
        return events;
    }
}
