package io.forewarn.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.forewarn.ClosedPort;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.InMemoryDeliveryRecords;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;
import io.forewarn.server.CaseDesk;
import io.forewarn.server.ForewarnServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel as the server wires it from {@code forewarn.mail.*}, end to end: an issued warning sent through the
 * server's email channel (as the outbox sends it) reaches the mail server in the party's language, and the link its
 * reader follows, on the server, records the acknowledgement on the obligation, with the ledger's event.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, DeliveriesUnderTest.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailAcknowledgementTest {

    private static final int SMTP_PORT = ClosedPort.any();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    List<Channel> channels;
    @Autowired
    CaseDesk desk;
    @Autowired
    InMemoryDeliveryRecords deliveries;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
        registry.add("forewarn.mail.host", () -> "127.0.0.1");
        registry.add("forewarn.mail.port", () -> SMTP_PORT);
        registry.add("forewarn.mail.from", () -> "Agency Watch <alerts@agency.example>");
        registry.add("forewarn.public-url", () -> "https://forewarn.agency.example/");
    }

    @Test
    void aWarningMailedByTheServerIsAcknowledgedByTheLinkInIt() throws Exception {
        Map<String, Channel> byKind = channels.stream().collect(Collectors.toMap(Channel::kind, channel -> channel));
        assertThat(byKind).containsOnlyKeys("email", "webhook", "cap-feed");

        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "crocus-city-hall", "kind": "venue", "audience": "venue-operator", "kinds": ["concert hall"],
                 "languages": ["ru"],
                 "place": {"site": "Crocus City Hall", "locality": "Krasnogorsk", "region": "Moscow Oblast",
                           "country": "RU", "lat": 55.826, "lon": 37.389, "radius-m": 400}}"""));
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"venue-operator\"}")).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
        String warningId = expect(201, Http.post(port, "director", "/api/v1/drafts/" + draft + "/issue", null,
                (String) null)).json().path("id").asString();
        Warning warning = desk.read(casebook -> casebook.warning(warningId)).orElseThrow();
        ContactPoint.Email to = new ContactPoint.Email("security@crocus.example");
        deliveries.put(new DeliveryRecords.Addressed("DL-crocus-1", warningId, "R-1/crocus-city-hall", "crocus-city-hall", to));

        SendOutcome outcome = byKind.get("email").send(new Delivery("DL-crocus-1", Delivery.Kind.ALERT, warning,
                "crocus-city-hall", to, List.of(Language.of("ru")), 1));

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Предупреждение об угрозе безопасности, действует до ");
        String text = (String) ((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Agency Watch направляет вам это предупреждение.")
                .contains(warning.texts().get(Language.of("ru")));
        URI link = URI.create(text.lines().filter(line -> line.startsWith("https://forewarn.agency.example/ack/"))
                .findFirst().orElseThrow().strip());

        // the reader opens the link (on this server, which the public URL stands for) and presses the button
        Http.Reply page = expect(200, Http.get(port, null, link.getPath()));
        assertThat(page.body()).contains("<html lang=\"ru\" dir=\"ltr\">")
                .contains("Подтверждаете ли вы получение направленного вам предупреждения (DL-crocus-1)?");
        Http.Reply done = expect(200, Http.post(port, null, link.getPath(), "application/x-www-form-urlencoded", ""));
        assertThat(done.body()).contains("Спасибо. Ваше подтверждение получения предупреждения (DL-crocus-1) записано.");

        Http.Reply obligation = expect(200, Http.get(port, "oversight", "/api/v1/obligations/R-1/crocus-city-hall"));
        assertThat(obligation.json().path("state").asString()).isEqualTo("acknowledged");
        assertThat(Http.get(port, "oversight", "/api/v1/events?size=500").json().path("items").valueStream()
                .filter(event -> event.path("type").asString().equals("warning-acknowledged"))
                .map(event -> event.path("actor").asString() + ": " + event.path("summary").asString()))
                .containsExactly("party:crocus-city-hall via email: crocus-city-hall acknowledged the warning");
    }
}
