package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.dissemination.ScriptedChannel;
import io.forewarn.dissemination.ScriptedChannel.Behaviour;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end through the real server, with scripted email and webhook channels: a warning issued
 * enqueues one delivery per contact point; receivers that are down for a while get every delivery once they
 * are back, each exactly once after de-duplication by its id, and the obligations move to delivered; a CAP
 * feed subscriber is delivered by the feed; a liaison contact waits for liaison; a receiver that stays down
 * dead-letters after the policy's maximum attempts and escalates the obligation; a 410 disables the contact
 * point. Every step is in the ledger, and no body or listing shows a webhook's secret.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, OutboxApiTest.Channels.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxApiTest {

    static final ScriptedChannel EMAIL = new ScriptedChannel("email");
    static final ScriptedChannel WEBHOOK = new ScriptedChannel("webhook");
    static final int MAX_ATTEMPTS = 8;
    /** What the receivers that are down ask for: long enough that a busy machine sees them fail twice long before the last attempt. */
    static final Duration OUTAGE_RETRY_AFTER = Duration.ofSeconds(2);
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {
        @Bean
        ScriptedChannel email() {
            return EMAIL;
        }

        @Bean
        ScriptedChannel webhook() {
            return WEBHOOK;
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.policy", () -> quickPolicy().toString());
        registry.add("forewarn.delivery.interval", () -> "PT0.05S");
        // the scripted webhook channel stands in for the real one
        registry.add("forewarn.webhook.enabled", () -> "false");
        registry.add("forewarn.delivery.breaker-wait", () -> "PT0.2S");
    }

    /** The default policy, retrying every few tens of milliseconds instead of every few seconds. */
    static Path quickPolicy() {
        return ServerUnderTest.policyFile("delivery",
                "{max-attempts: " + MAX_ATTEMPTS + ", base-backoff: PT0.02S, max-backoff: PT0.1S}");
    }

    @Test
    void deliveriesSurviveAnOutageAndThoseThatCannotArriveEscalate() {
        EMAIL.forget();
        WEBHOOK.forget();
        // the citizens by email and webhook, the public by the feed and email, the venue by webhook, the
        // authorities through liaison
        post("analyst", "/api/v1/parties", withContacts(Reports.CROCUS_PARTIES.get(0), """
                [{"kind": "email", "address": "consular@example.org"},
                 {"kind": "webhook", "address": "https://citizens.example.org/hook", "secret": "%s"}]""".formatted(SECRET)));
        post("analyst", "/api/v1/parties", withContacts(Reports.CROCUS_PARTIES.get(1), """
                [{"kind": "cap-feed", "address": "Moscow public broadcaster"},
                 {"kind": "email", "address": "desk@broadcaster.example"}]"""));
        post("analyst", "/api/v1/parties", withContacts(Reports.CROCUS_PARTIES.get(2), """
                [{"kind": "liaison", "address": "embassy liaison desk"}]"""));
        post("analyst", "/api/v1/parties", withContacts(Reports.CROCUS_PARTIES.get(3), """
                [{"kind": "webhook", "address": "https://venue.example/hook", "secret": "%s"}]""".formatted(SECRET)));
        JsonNode party = get("liaison", "/api/v1/parties/us-citizens-ru").json();
        assertThat(party.path("contacts").toString()).isEqualTo("[{\"kind\":\"email\",\"address\":\"consular@example.org\"},"
                + "{\"kind\":\"webhook\",\"address\":\"https://citizens.example.org/hook\"}]");

        // every email and webhook receiver is down, asking to be tried again after a while (Retry-After)
        EMAIL.everywhere(Behaviour.DOWN).askingToWait(OUTAGE_RETRY_AFTER);
        WEBHOOK.everywhere(Behaviour.DOWN).askingToWait(OUTAGE_RETRY_AFTER);
        post("analyst", "/api/v1/reports", Reports.crocus("R-1"));
        Map<String, String> warnings = issueToEveryAudience("R-1");
        List<JsonNode> deliveries = new ArrayList<>();
        warnings.values().forEach(warning -> deliveries.addAll(deliveries(warning, "")));
        assertThat(deliveries).as("one delivery per contact point of each party").hasSize(6);
        Set<String> ids = deliveries.stream().map(d -> d.path("id").asString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ids).hasSize(6);

        // the feed delivers at once; the others fail, and are retried
        Poll.until(PATIENCE, () -> state("R-1/public-moscow").equals("delivered"), () -> "public-moscow: " + state("R-1/public-moscow"));
        Poll.until(PATIENCE, () -> everyDownDeliveryFailedTwice(warnings), () -> "attempts so far: " + EMAIL.received() + WEBHOOK.received());
        assertThat(state("R-1/us-citizens-ru")).isEqualTo("issued");
        assertThat(state("R-1/crocus-city-hall")).isEqualTo("issued");

        // the receivers come back: everything arrives
        EMAIL.everywhere(Behaviour.TAKE);
        WEBHOOK.everywhere(Behaviour.TAKE);
        Poll.until(PATIENCE, () -> state("R-1/us-citizens-ru").equals("delivered") && state("R-1/crocus-city-hall").equals("delivered")
                && sentCount(warnings) == 5, () -> "deliveries: " + warnings.values().stream().map(w -> deliveries(w, "").toString()).toList());
        Set<String> taken = new TreeSet<>();
        List<String> takenTimes = new ArrayList<>();
        for (ScriptedChannel channel : List.of(EMAIL, WEBHOOK)) {
            channel.received().stream().filter(ScriptedChannel.Received::taken).forEach(r -> {
                taken.add(r.id());
                takenTimes.add(r.id());
            });
        }
        Set<String> machineSent = deliveries.stream().filter(d -> !d.path("channel").asString().equals("liaison")
                && !d.path("channel").asString().equals("cap-feed")).map(d -> d.path("id").asString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(taken).as("every email and webhook delivery arrived, de-duplicated by id").isEqualTo(machineSent);
        assertThat(takenTimes).as("and, here, none twice").hasSameSizeAs(taken);

        JsonNode venueDelivery = deliveries(warnings.get("venue-operator"), "?state=sent").get(0);
        assertThat(venueDelivery.path("address").asString()).isEqualTo("https://venue.example/hook");
        List<JsonNode> attempts = new ArrayList<>();
        venueDelivery.path("attempts").forEach(attempts::add);
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(MAX_ATTEMPTS);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(java.time.Instant.parse(attempts.get(i).path("at").asString()))
                    .as("attempt %d came after the wait the receiver asked for", i + 1)
                    .isAfterOrEqualTo(java.time.Instant.parse(attempts.get(i - 1).path("at").asString()).plus(OUTAGE_RETRY_AFTER));
        }
        assertThat(attempts.subList(0, attempts.size() - 1)).allSatisfy(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("failed");
            assertThat(a.path("detail").asString()).isEqualTo("connection refused (scripted outage)");
        });
        assertThat(attempts.get(attempts.size() - 1).path("outcome").asString()).isEqualTo("sent");
        assertThat(attempts.get(attempts.size() - 1).path("number").asInt()).isEqualTo(attempts.size());

        // liaison is not sent by a machine: its delivery waits, queued, until liaison records it
        String authorities = warnings.get("foreign-government");
        assertThat(deliveries(authorities, "?state=queued")).singleElement()
                .satisfies(d -> assertThat(d.path("channel").asString()).isEqualTo("liaison"));
        assertThat(state("R-1/ru-authorities")).isEqualTo("issued");
        post("liaison", "/api/v1/obligations/R-1/ru-authorities/delivery", "{\"channel\": \"liaison\"}");
        assertThat(deliveries(authorities, "?state=sent")).singleElement().satisfies(d ->
                assertThat(d.path("attempts").get(0).path("detail").asString()).isEqualTo("recorded by liaison (over liaison)"));

        // the ledger has each first delivery, by the scheduler, over the contact's channel
        Map<String, String> delivered = new TreeMap<>();
        events().stream().filter(e -> e.path("type").asString().equals("warning-delivered"))
                .forEach(e -> delivered.put(e.path("subject").asString(), e.path("actor").asString() + " "
                        + e.path("summary").asString().replaceAll(".* over ", "")));
        assertThat(delivered).containsEntry("R-1/public-moscow", "scheduler cap-feed")
                .containsEntry("R-1/crocus-city-hall", "scheduler webhook")
                .containsEntry("R-1/ru-authorities", "liaison liaison")
                .containsKey("R-1/us-citizens-ru");

        // a receiver that stays down: dead-lettered after the maximum attempts, the obligation escalated
        post("analyst", "/api/v1/parties", withContacts(Reports.venue("dark-venue"), """
                [{"kind": "webhook", "address": "https://dark.example/hook", "secret": "%s"},
                 {"kind": "email", "address": "gone@dark.example"}]""".formatted(SECRET)));
        WEBHOOK.at("https://dark.example/hook", Behaviour.DOWN).askingToWait(Duration.ZERO);
        EMAIL.at("gone@dark.example", Behaviour.GONE);
        post("analyst", "/api/v1/reports", Reports.crocus("R-2"));
        String dark = issue("R-2", "venue-operator");
        // (the venue-operator warning of R-2 reaches both venues: the one whose webhook is up takes it)
        Poll.until(PATIENCE, () -> deliveries(dark, "?state=dead-lettered").size() == 2,
                () -> "deliveries of " + dark + ": " + deliveries(dark, ""));
        JsonNode darkObligation = get("oversight", "/api/v1/obligations/R-2/dark-venue").json();
        assertThat(darkObligation.path("state").asString()).isEqualTo("escalated");
        JsonNode down = deliveries(dark, "?state=dead-lettered").stream()
                .filter(d -> d.path("address").asString().equals("https://dark.example/hook")).findFirst().orElseThrow();
        assertThat(down.path("attempts").size()).isEqualTo(MAX_ATTEMPTS);
        assertThat(down.path("attempts").get(MAX_ATTEMPTS - 1).path("outcome").asString()).isEqualTo("dead-lettered");
        List<JsonNode> ledger = events();
        assertThat(ledger.stream().filter(e -> e.path("type").asString().equals("delivery-dead-lettered")
                && e.path("subject").asString().equals(down.path("id").asString()))).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("actor").asString()).isEqualTo("scheduler");
                    assertThat(e.path("summary").asString()).isEqualTo("delivery " + down.path("id").asString()
                            + " to dark-venue over webhook dead-lettered after " + MAX_ATTEMPTS
                            + " attempts: every attempt the policy allows failed");
                });
        assertThat(ledger.stream().filter(e -> e.path("type").asString().equals("obligation-escalated")
                && e.path("subject").asString().equals("R-2/dark-venue")).map(e -> e.path("summary").asString()).toList())
                .containsExactly("undelivered obligation R-2/dark-venue escalated to approver");
        // the email receiver answered "gone": dead at once, and its contact point disabled
        assertThat(ledger.stream().filter(e -> e.path("type").asString().equals("contact-point-disabled")))
                .singleElement().satisfies(e -> assertThat(e.path("subject").asString()).isEqualTo("dark-venue"));
        JsonNode darkParty = get("analyst", "/api/v1/parties/dark-venue").json();
        assertThat(darkParty.path("contacts").get(1).path("disabled-at").isString()).isTrue();
        assertThat(darkParty.path("contacts").get(0).has("disabled-at")).isFalse();

        // metrics, and no secret anywhere
        String metrics = Http.get(port, null, "/actuator/prometheus").body();
        assertThat(metrics).contains("forewarn_deliveries{state=\"sent\"} 7.0")
                .contains("forewarn_deliveries{state=\"queued\"} 0.0").contains("forewarn_deliveries{state=\"dead-lettered\"} 2.0")
                .containsPattern("forewarn_delivery_attempts_total\\{channel=\"webhook\",outcome=\"failed\"} [1-9]")
                .containsPattern("forewarn_time_to_deliver_seconds_count [1-9]");
        for (String path : List.of("/api/v1/parties", "/api/v1/events?size=500", "/api/v1/warnings/" + dark + "/deliveries")) {
            assertThat(get("analyst", path).body()).as(path).doesNotContain(SECRET).doesNotContain("whsec_");
        }
    }

    @Test
    void deliveriesArePagedAndFilteredAndUnknownWarningsAreNotFound() {
        Reply missing = get("oversight", "/api/v1/warnings/W-nope/deliveries");
        assertThat(missing.status()).isEqualTo(404);
        Reply badState = get("oversight", "/api/v1/warnings/W-nope/deliveries?state=lost");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(get("partner", "/api/v1/warnings/W-1/deliveries").status()).isEqualTo(403);
    }

    private boolean everyDownDeliveryFailedTwice(Map<String, String> warnings) {
        Map<String, Long> failures = new TreeMap<>();
        for (ScriptedChannel channel : List.of(EMAIL, WEBHOOK)) {
            channel.received().stream().filter(r -> !r.taken()).forEach(r -> failures.merge(r.id(), 1L, Long::sum));
        }
        return failures.size() == 4 && failures.values().stream().allMatch(n -> n >= 2);
    }

    private long sentCount(Map<String, String> warnings) {
        return warnings.values().stream().mapToLong(w -> deliveries(w, "?state=sent").size()).sum();
    }

    /** Drafts, approves and issues a warning to each audience of a report; the warning ids by audience. */
    private Map<String, String> issueToEveryAudience(String report) {
        Map<String, String> warnings = new TreeMap<>();
        for (String audience : List.of("own-citizens", "public", "foreign-government", "venue-operator")) {
            warnings.put(audience, issue(report, audience));
        }
        return warnings;
    }

    private String issue(String report, String audience) {
        String draft = post("analyst", "/api/v1/reports/" + report + "/drafts", "{\"audience\": \"" + audience + "\"}")
                .json().path("id").asString();
        post("approver", "/api/v1/drafts/" + draft + "/approve", null);
        return post("approver", "/api/v1/drafts/" + draft + "/issue", null).json().path("id").asString();
    }

    /** Every delivery of a warning, page by page (two at a time, so the paging is used). */
    private List<JsonNode> deliveries(String warning, String query) {
        List<JsonNode> all = new ArrayList<>();
        String next = "/api/v1/warnings/" + warning + "/deliveries" + (query.isEmpty() ? "?size=2" : query + "&size=2");
        while (next != null) {
            Reply page = get("oversight", next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(all::add);
            next = page.json().has("next") ? page.json().path("next").asString() : null;
        }
        return all;
    }

    private List<JsonNode> events() {
        List<JsonNode> all = new ArrayList<>();
        get("oversight", "/api/v1/events?size=500").json().path("items").forEach(all::add);
        return all;
    }

    private String state(String obligation) {
        return get("oversight", "/api/v1/obligations/" + obligation).json().path("state").asString();
    }

    private static String withContacts(String party, String contacts) {
        return party.substring(0, party.lastIndexOf('}')) + ", \"contacts\": " + contacts + "}";
    }

    private Reply get(String login, String path) {
        return Http.get(port, login, path);
    }

    private Reply post(String login, String path, String body) {
        Reply reply = Http.post(port, login, path, "application/json", body == null ? "" : body);
        assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 201);
        return reply;
    }
}
