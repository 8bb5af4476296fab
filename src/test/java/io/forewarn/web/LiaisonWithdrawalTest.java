package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.forewarn.web.Http.expect;
import static io.forewarn.web.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning liaison carried, then cancelled: the liaison desk that told the party gets a cancellation to carry, which
 * stays queued (no machine sends liaison) until liaison records telling the party
 * ({@code POST …/withdrawal}); that records {@code withdrawal-delivered} with the login and marks the cancellation
 * sent, and nothing else. A warning carried and a withdrawal carried each complete only their own deliveries. No
 * withdrawal can be recorded before a cancellation (409); roles other than liaison get 403; a channel through which
 * the report's protected material shows, 400. {@code GET /api/v1/deliveries?state=queued&channel=liaison} lists
 * what the desk has still to carry.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiaisonWithdrawalTest {

    private static final String OBLIGATION = "/api/v1/obligations/R-1/public-moscow";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void aWarningLiaisonCarriedIsWithdrawnByLiaisonAndRecordedSo() {
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "public-moscow", "kind": "public", "audience": "public",
                 "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"},
                 "contacts": [{"kind": "liaison", "address": "city liaison desk"}]}"""));
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String warning = issue(expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"public\"}")).json().path("id").asString());

        // nothing is withdrawn yet: there is nothing to tell
        Reply early = problem(409, withdrawal("liaison", "{\"channel\": \"phone call to the city desk\"}"));
        assertThat(early.json().path("detail").asString()).isEqualTo("no warning to public-moscow under report R-1 was "
                + "cancelled: there is no withdrawal to deliver");

        // liaison carries the warning, then it is cancelled: the desk is to carry its withdrawal
        expect(200, Http.post(port, "liaison", OBLIGATION + "/delivery", "application/json",
                "{\"channel\": \"city liaison desk\"}"));
        expect(200, Http.post(port, "approver", "/api/v1/warnings/" + warning + "/cancellation", "application/json",
                "{\"reason\": \"the source withdrew the report\"}"));
        assertThat(deliveries(warning)).extracting(d -> d.path("kind").asString() + " " + d.path("channel").asString()
                + " " + d.path("state").asString()).containsExactly("alert liaison sent", "cancel liaison queued");

        // warned again: liaison carries the renewal, which completes its alert and leaves the withdrawal queued
        String renewal = issue(expect(201, Http.post(port, "analyst", "/api/v1/warnings/" + warning + "/renewal", null,
                (String) null)).json().path("id").asString());
        expect(200, Http.post(port, "liaison", OBLIGATION + "/delivery", "application/json",
                "{\"channel\": \"city liaison desk\"}"));
        assertThat(deliveries(renewal)).extracting(d -> d.path("kind").asString() + " " + d.path("state").asString())
                .containsExactly("alert sent");
        assertThat(deliveries(warning)).extracting(d -> d.path("state").asString()).containsExactly("sent", "queued");
        // the desk's list of what it has still to carry, across warnings
        assertThat(toCarry()).extracting(d -> d.path("kind").asString() + " " + d.path("warning").asString() + " "
                + d.path("party").asString()).containsExactly("cancel " + warning + " public-moscow");
        problem(400, Http.get(port, "liaison", "/api/v1/deliveries?state=queued&channel=pigeon"));
        problem(400, Http.get(port, "liaison", "/api/v1/deliveries?state=lost"));
        problem(400, Http.get(port, "liaison", "/api/v1/deliveries"));
        problem(403, Http.get(port, "partner", "/api/v1/deliveries?state=queued"));

        // refused, each as problem+json, changing nothing
        String channel = "{\"channel\": \"phone call to the city desk\"}";
        for (String login : List.of("analyst", "approver", "director", "oversight", "partner")) {
            problem(403, withdrawal(login, channel));
        }
        Reply leaking = problem(400, withdrawal("liaison", "{\"channel\": \"NIGHTJAR's handler\"}"));
        assertThat(leaking.body()).doesNotContain("NIGHTJAR");
        problem(400, withdrawal("liaison", "{}"));
        problem(404, Http.post(port, "liaison", "/api/v1/obligations/R-1/nobody/withdrawal", "application/json", channel));
        assertThat(Events.ofType(port, "withdrawal-delivered")).isEmpty();
        assertThat(deliveries(warning).get(1).path("state").asString()).isEqualTo("queued");

        // recorded: one event with the login, the cancellation sent, the obligation where the renewal left it
        Reply told = expect(200, withdrawal("liaison", channel));
        assertThat(told.json().path("state").asString()).isEqualTo("delivered");
        assertThat(Events.ofType(port, "withdrawal-delivered")).singleElement().satisfies(e -> {
            assertThat(e.path("subject").asString()).isEqualTo("R-1/public-moscow");
            assertThat(e.path("actor").asString()).isEqualTo("liaison");
            assertThat(e.path("summary").asString()).isEqualTo("withdrawal of warning " + warning
                    + " delivered to public-moscow over phone call to the city desk");
        });
        JsonNode cancel = deliveries(warning).get(1);
        assertThat(cancel.path("state").asString()).isEqualTo("sent");
        assertThat(cancel.path("attempts")).singleElement().satisfies(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("sent");
            assertThat(a.path("detail").asString()).isEqualTo("recorded by liaison (over phone call to the city desk)");
        });
        assertThat(deliveries(renewal)).extracting(d -> d.path("state").asString()).containsExactly("sent");
        assertThat(toCarry()).as("nothing left for the desk to carry").isEmpty();
        assertThat(expect(200, Http.get(port, "oversight", "/api/v1/deliveries?state=sent")).json().path("items"))
                .extracting(d -> d.path("kind").asString()).containsExactly("alert", "cancel", "alert");

        String timeline = Http.get(port, "oversight", "/api/v1/events?size=500").body();
        for (String secret : Reports.PROTECTED) {
            assertThat(timeline).doesNotContainIgnoringCase(secret);
        }
    }

    private String issue(String draft) {
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
        return expect(201, Http.post(port, "director", "/api/v1/drafts/" + draft + "/issue", null, (String) null))
                .json().path("id").asString();
    }

    private Reply withdrawal(String login, String body) {
        return Http.post(port, login, OBLIGATION + "/withdrawal", "application/json", body);
    }

    private List<JsonNode> deliveries(String warning) {
        List<JsonNode> all = new ArrayList<>();
        expect(200, Http.get(port, "oversight", "/api/v1/warnings/" + warning + "/deliveries")).json().path("items")
                .forEach(all::add);
        return all;
    }

    private List<JsonNode> toCarry() {
        List<JsonNode> all = new ArrayList<>();
        expect(200, Http.get(port, "liaison", "/api/v1/deliveries?state=queued&channel=liaison")).json().path("items")
                .forEach(all::add);
        return all;
    }

}
