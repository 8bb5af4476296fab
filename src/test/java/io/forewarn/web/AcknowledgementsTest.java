package io.forewarn.web;

import com.standardwebhooks.Webhook;
import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.InMemoryDeliveryRecords;
import io.forewarn.language.Language;
import io.forewarn.party.ContactPoint;
import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledgements coming back through the real server: an emailed warning's link (a page that asks, a button that
 * records, once) and a webhook receiver's signed callback. Each moves the obligation to acknowledged with a ledger
 * entry naming the party and the channel; a link replayed, expired, forged or cut short, and a callback unsigned,
 * badly signed, naming an unknown delivery or made by a login without the liaison role, are refused and change nothing.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, DeliveriesUnderTest.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcknowledgementsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("the plaza's webhook secret, 32 b".getBytes());
    private static final AtomicInteger REPORTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    InMemoryDeliveryRecords deliveries;
    @Autowired
    AcknowledgementLinks links;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void anEmailLinkAsksFirstThenRecordsTheAcknowledgementOnceNamingThePartyAndChannel() {
        String obligation = issuedToNewVenue("venue-mail");
        deliveries.put(new DeliveryRecords.Addressed("DL-mail", "W-any", obligation, "venue-mail",
                new ContactPoint.Email("duty@venue.example")));
        String path = path(links.link("DL-mail", Instant.now().plusSeconds(3600), Language.ENGLISH));
        int entries = ledger().size();

        // a scanner or a preview following the link changes nothing: the page only asks
        Http.Reply asked = Http.get(port, null, path);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(asked.body()).contains("<p>Do you confirm that you have received the warning sent to you (DL-mail)?</p>")
                .contains("<form method=\"post\" action=\"" + path + "\"><button type=\"submit\">Yes, I have received it</button></form>");
        assertSafePage(asked);
        assertThat(state(obligation)).isEqualTo("issued");
        assertThat(ledger()).hasSize(entries);

        Http.Reply confirmed = Http.post(port, null, path, "application/x-www-form-urlencoded", "");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("<p>Thank you. Your confirmation that you received the warning (DL-mail) is recorded.</p>");
        assertSafePage(confirmed);
        assertThat(state(obligation)).isEqualTo("acknowledged");
        List<JsonNode> left = ledger().subList(entries, ledger().size());
        assertThat(left).extracting(e -> e.path("type").asString()).containsExactly("warning-delivered", "warning-acknowledged");
        assertThat(left).extracting(e -> e.path("actor").asString()).containsOnly("party:venue-mail via email");

        Http.Reply replayed = Http.post(port, null, path, "application/x-www-form-urlencoded", "");
        assertThat(replayed.status()).isEqualTo(410);
        assertThat(replayed.body()).contains("This link has already been used: the confirmation was recorded then, and nothing more is needed.");
        Http.Reply reopened = Http.get(port, null, path);
        assertThat(reopened.status()).isEqualTo(410);
        assertThat(reopened.body()).contains("This link has already been used").doesNotContain("<form");
        assertThat(ledger()).hasSize(entries + 2);
    }

    @Test
    void anExpiredForgedOrTruncatedLinkGetsAPageSayingSoAndChangesNothing() {
        String obligation = issuedToNewVenue("venue-bad-links");
        deliveries.put(new DeliveryRecords.Addressed("DL-bad", "W-any", obligation, "venue-bad-links",
                new ContactPoint.Email("duty@venue.example")));
        String good = path(links.link("DL-bad", Instant.now().plusSeconds(3600), Language.ENGLISH));
        String expired = path(links.link("DL-bad", Instant.now().minusSeconds(60), Language.of("ru")));
        int mac = good.indexOf('.') + 5;
        String forged = good.substring(0, mac) + (good.charAt(mac) == 'A' ? 'B' : 'A') + good.substring(mac + 1);
        String truncated = good.substring(0, good.length() - 4);
        int entries = ledger().size();

        for (String method : List.of("GET", "POST")) {
            Http.Reply old = Http.callAs(port, null, method, expired, null, null);
            assertThat(old.status()).as(method).isEqualTo(410);
            assertThat(old.body()).as(method).contains("<html lang=\"ru\" dir=\"ltr\">")
                    .contains("Срок действия ссылки истёк, и подтвердить получение по ней больше нельзя.");
            Http.Reply fake = Http.callAs(port, null, method, forged, null, null);
            assertThat(fake.status()).as(method).isEqualTo(403);
            assertThat(fake.body()).as(method).contains("This link was not made by this server, or it has been changed, so it cannot confirm anything.");
            assertSafePage(fake);
            Http.Reply cut = Http.callAs(port, null, method, truncated, null, null);
            assertThat(cut.status()).as(method).isEqualTo(400);
            assertThat(cut.body()).as(method).contains("This is not a link this server makes: part of it may be missing.");
        }
        assertThat(state(obligation)).isEqualTo("issued");
        assertThat(ledger()).hasSize(entries);
    }

    @Test
    void aWebhookReceiverAcknowledgesByCallingBackSignedWithItsSecret() throws Exception {
        String obligation = issuedToNewVenue("venue-hook");
        deliveries.put(new DeliveryRecords.Addressed("DL-hook", "W-any", obligation, "venue-hook",
                new ContactPoint.Webhook(URI.create("https://venue.example/hooks"), SECRET)));
        String body = "{\"delivery\": \"DL-hook\"}";
        int entries = ledger().size();

        // refused, and nothing changes: no signature, a wrong one, an unknown delivery, a login without the role
        Http.Reply unsigned = Http.post(port, null, "/api/v1/acknowledgements", "application/json", body);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).isEqualTo("application/problem+json");
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("somebody else's secret, 32 bytes".getBytes());
        Http.Reply badlySigned = Http.post(port, null, "/api/v1/acknowledgements", "application/json", body,
                signed(otherSecret, body));
        assertThat(badlySigned.status()).isEqualTo(401);
        assertThat(badlySigned.contentType()).isEqualTo("application/problem+json");
        assertThat(badlySigned.detail()).isEqualTo("the webhook signature does not verify with the secret of the endpoint "
                + "delivery DL-hook went to (or its timestamp is more than five minutes off)");
        String unknown = "{\"delivery\": \"DL-nobody\"}";
        Http.Reply nobody = Http.post(port, null, "/api/v1/acknowledgements", "application/json", unknown, signed(SECRET, unknown));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.detail()).isEqualTo("no delivery DL-nobody");
        Http.Reply analyst = Http.post(port, "analyst", "/api/v1/acknowledgements", "application/json", body);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.contentType()).isEqualTo("application/problem+json");
        assertThat(state(obligation)).isEqualTo("issued");
        assertThat(ledger()).hasSize(entries);

        Http.Reply acknowledged = Http.post(port, null, "/api/v1/acknowledgements", "application/json", body, signed(SECRET, body));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().path("delivery").asString()).isEqualTo("DL-hook");
        assertThat(acknowledged.json().path("state").asString()).isEqualTo("acknowledged");
        assertThat(state(obligation)).isEqualTo("acknowledged");
        List<JsonNode> left = ledger().subList(entries, ledger().size());
        assertThat(left).extracting(e -> e.path("type").asString()).containsExactly("warning-delivered", "warning-acknowledged");
        assertThat(left).extracting(e -> e.path("actor").asString()).containsOnly("party:venue-hook via webhook");

        // the same callback again: the obligation is acknowledged already, and stays as it is
        Http.Reply again = Http.post(port, null, "/api/v1/acknowledgements", "application/json", body, signed(SECRET, body));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
        assertThat(ledger()).hasSize(entries + 2);
    }

    /** A venue registered now, a report reaching it, and the venue operators' warning drafted, approved and issued. */
    private String issuedToNewVenue(String venue) {
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", Reports.venue(venue)));
        String report = "R-ack-" + REPORTS.incrementAndGet();
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus(report)));
        Http.Reply draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/" + report + "/drafts", "application/json",
                "{\"audience\": \"venue-operator\"}"));
        String id = draft.json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + id + "/approve", null, (String) null));
        expect(201, Http.post(port, "director", "/api/v1/drafts/" + id + "/issue", null, (String) null));
        assertThat(state(report + "/" + venue)).isEqualTo("issued");
        return report + "/" + venue;
    }

    private String state(String obligation) {
        return expect(200, Http.get(port, "oversight", "/api/v1/obligations/" + obligation)).json().path("state").asString();
    }

    /** The events of every ledger entry, in order. */
    private List<JsonNode> ledger() {
        List<JsonNode> events = new ArrayList<>();
        String next = "/api/v1/ledger/entries?size=500";
        while (next != null) {
            JsonNode page = expect(200, Http.get(port, "oversight", next)).json();
            for (JsonNode entry : page.path("items")) {
                events.add(JSON.readTree(entry.path("body").asString()).path("event"));
            }
            next = page.hasNonNull("next") ? page.path("next").asString() : null;
        }
        return events;
    }

    /** Standard Webhooks headers for a callback, made with the published library as a receiver would. */
    private static String[] signed(String secret, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        String id = "msg_" + now;
        return new String[] {"webhook-id", id, "webhook-timestamp", Long.toString(now),
                "webhook-signature", new Webhook(secret).sign(id, now, body)};
    }

    private static void assertSafePage(Http.Reply page) {
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Referrer-Policy")).contains("no-referrer");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("form-action 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
    }

    private static String path(URI link) {
        return link.getPath();
    }
}
