package io.forewarn.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.forewarn.ClosedPort;
import io.forewarn.OutsideTheRepository;
import io.forewarn.Poll;
import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapReader;
import io.forewarn.dissemination.cap.CapSignature;
import io.forewarn.dissemination.mail.MailChannel;
import io.forewarn.dissemination.webhook.WebhookReceiver;
import io.forewarn.server.CapKeyFiles;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import io.forewarn.web.request.IdempotencyFilter;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.forewarn.web.Http.expect;
import static io.forewarn.web.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling a warning end to end through the real server: the public of Moscow is warned by email (GreenMail), by a
 * webhook (a receiver that verifies with {@code com.standardwebhooks}) and by the CAP feed, and a liaison desk; an
 * approver cancels the warning. One event records it with the login; the obligation reads expired; each contact
 * point a machine sent the warning to gets one cancellation through the outbox: an email saying it is withdrawn, a
 * webhook of kind {@code cancel}, and a signed CAP {@code Cancel} (valid by the OASIS schema, verified, referencing the
 * alert) that the Atom feed lists in the alert's place. Roles that may not cancel get 403, an unknown warning 404, a
 * second cancellation 409, a blank or leaking reason 400, each problem+json and changing nothing; a request repeated
 * with its Idempotency-Key is answered again without a second cancellation. The report's protected terms are in none
 * of the outputs.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancellationTest {

    private static final int SMTP_PORT = ClosedPort.any();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookReceiver RECEIVER = receiver();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
        registry.add("forewarn.delivery.interval", () -> "PT0.05S");
        registry.add("forewarn.mail.host", () -> "127.0.0.1");
        registry.add("forewarn.mail.port", () -> SMTP_PORT);
        registry.add("forewarn.mail.from", () -> "Agency Watch <alerts@agency.example>");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aCancelledWarningIsWithdrawnFromEveryoneItReached() throws Exception {
        Path standards = OutsideTheRepository.sharedFolder("standards", CancellationTest.class);
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "public-moscow", "kind": "public", "audience": "public",
                 "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"},
                 "contacts": [{"kind": "email", "address": "desk@broadcaster.example"},
                              {"kind": "webhook", "address": "%s", "secret": "%s"},
                              {"kind": "cap-feed", "address": "Moscow public broadcaster"},
                              {"kind": "liaison", "address": "city liaison desk"}]}""".formatted(RECEIVER.url(), SECRET)));
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String warning = issue("public");
        Poll.until(PATIENCE, () -> deliveries(warning, "?state=sent").size() == 3,
                () -> "deliveries: " + deliveries(warning, ""));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(RECEIVER.received()).hasSize(1);

        // refused, each as problem+json, changing nothing
        String reason = "{\"reason\": \"the source withdrew the report\"}";
        for (String login : List.of("analyst", "liaison", "oversight", "partner")) {
            problem(403, cancel(login, warning, reason));
        }
        problem(404, cancel("approver", "W-nothing", reason));
        problem(400, cancel("approver", warning, "{\"reason\": \"  \"}"));
        problem(400, cancel("approver", warning, "{}"));
        Reply leaking = problem(400, cancel("approver", warning, "{\"reason\": \"NIGHTJAR was burned\"}"));
        assertThat(leaking.body()).doesNotContain("NIGHTJAR");
        assertThat(Events.ofType(port, "warning-cancelled")).isEmpty();
        assertThat(state("R-1/public-moscow")).isEqualTo("delivered");

        // cancelled by an approver, once, though the request is sent twice with its key
        String key = UUID.randomUUID().toString();
        Reply cancelled = expect(200, cancel("approver", warning, reason, IdempotencyFilter.KEY_HEADER, key));
        Reply again = expect(200, cancel("approver", warning, reason, IdempotencyFilter.KEY_HEADER, key));
        assertThat(again.body()).isEqualTo(cancelled.body());
        assertThat(again.header(IdempotencyFilter.REPLAYED_HEADER)).contains("true");
        assertThat(cancelled.json().path("id").asString()).isEqualTo(warning);
        String cancelledAt = cancelled.json().path("cancelled-at").asString();
        assertThat(cancelledAt).isNotEmpty();
        assertThat(Http.get(port, "oversight", "/api/v1/warnings/" + warning).json().path("cancelled-at").asString())
                .isEqualTo(cancelledAt);
        Reply twice = problem(409, cancel("director", warning, reason));
        assertThat(twice.json().path("detail").asString()).contains("was cancelled already");

        assertThat(Events.ofType(port, "warning-cancelled")).singleElement().satisfies(e -> {
            assertThat(e.path("subject").asString()).isEqualTo(warning);
            assertThat(e.path("actor").asString()).isEqualTo("approver");
            assertThat(e.path("summary").asString()).startsWith("warning " + warning + " to public-moscow cancelled by "
                    + "approver (approver): the source withdrew the report; the threat window is open until ")
                    .endsWith(": R-1/public-moscow expired, not covered");
        });
        assertThat(state("R-1/public-moscow")).isEqualTo("expired");

        // one cancellation per contact point a machine sent it to; none for the liaison desk, which never carried it
        Poll.until(PATIENCE, () -> cancels(warning, "?state=sent").size() == 3, () -> "deliveries: " + deliveries(warning, ""));
        assertThat(cancels(warning, "")).extracting(d -> d.path("channel").asString())
                .containsExactlyInAnyOrder("email", "webhook", "cap-feed");
        assertThat(state("R-1/public-moscow")).as("a cancellation delivered moves nothing").isEqualTo("expired");
        // the liaison desk's delivery, never recorded as carried, is withdrawn: there is nothing left for it to carry
        assertThat(deliveries(warning, "?state=dead-lettered")).singleElement().satisfies(d -> {
            assertThat(d.path("channel").asString()).isEqualTo("liaison");
            assertThat(d.path("kind").asString()).isEqualTo("alert");
            assertThat(d.path("attempts")).singleElement().satisfies(a -> {
                assertThat(a.path("outcome").asString()).isEqualTo("dead-lettered");
                assertThat(a.path("detail").asString())
                        .isEqualTo("not carried: its warning was cancelled before liaison recorded carrying it");
            });
        });
        assertThat(deliveries(warning, "?state=queued")).as("nothing of the warning is left to send or carry").isEmpty();

        // the email says it is withdrawn and asks for nothing
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(2);
        MimeMessage withdrawn = mails[1];
        String emailCancel = cancels(warning, "").stream().filter(d -> d.path("channel").asString().equals("email"))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(withdrawn.getHeader(MailChannel.DELIVERY_HEADER)).containsExactly(emailCancel);
        assertThat(withdrawn.getSubject()).isEqualTo("Security alert withdrawn");
        String mailBody = GreenMailUtil.getBody(withdrawn);
        assertThat(mailBody).contains("Agency Watch withdraws the warning it sent you before.").doesNotContain("/ack/");
        // the alert's acknowledgement link now says the warning is withdrawn, and confirms nothing
        String alertText = (String) ((MimeMultipart) mails[0].getContent()).getBodyPart(0).getContent();
        String ackPath = URI.create(alertText.lines().map(String::strip).filter(line -> line.contains("/ack/"))
                .findFirst().orElseThrow()).getPath();
        assertThat(expect(410, Http.get(port, null, ackPath)).body()).contains("has been withdrawn by whoever sent it")
                .doesNotContain("<form");
        assertThat(expect(410, Http.post(port, null, ackPath, "application/x-www-form-urlencoded", "")).body())
                .contains("has been withdrawn by whoever sent it");
        // and a receiver's callback for it is refused, saying why
        String webhookAlert = deliveries(warning, "").stream().filter(d -> d.path("kind").asString().equals("alert")
                && d.path("channel").asString().equals("webhook")).findFirst().orElseThrow().path("id").asString();
        assertThat(problem(409, Http.post(port, "liaison", "/api/v1/acknowledgements", "application/json",
                "{\"delivery\": \"" + webhookAlert + "\"}")).detail()).isEqualTo("warning " + warning + " of delivery "
                + webhookAlert + " was cancelled: it no longer applies, and there is nothing to acknowledge");
        assertThat(Events.ofType(port, "warning-acknowledged")).isEmpty();

        // the webhook, verified by the scheme's own verifier, is of kind cancel and carries the delivery's id
        assertThat(RECEIVER.unverified()).isZero();
        assertThat(RECEIVER.received()).hasSize(2);
        WebhookReceiver.Received hook = RECEIVER.received().get(1);
        JsonNode body = JSON.readTree(hook.body());
        String webhookCancel = cancels(warning, "").stream().filter(d -> d.path("channel").asString().equals("webhook"))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(body.path("kind").asString()).isEqualTo("cancel");
        assertThat(body.path("delivery").asString()).isEqualTo(webhookCancel).isEqualTo(hook.header("webhook-id"));
        assertThat(body.path("warning").path("id").asString()).isEqualTo(warning);
        assertThat(body.path("warning").path("cancelled-at").asString()).isEqualTo(cancelledAt);

        // CAP: the alert stays as it was; its Cancel is signed, valid, and references it
        Reply alert = expect(200, Http.get(port, null, "/cap/" + warning + ".xml"));
        CapAlert original = CapReader.read(alert.body().getBytes(StandardCharsets.UTF_8));
        assertThat(original.msgType()).isEqualTo("Alert");
        Reply cap = expect(200, Http.get(port, null, "/cap/" + warning + "-cancel.xml"));
        assertThat(cap.contentType()).isEqualTo("application/cap+xml");
        byte[] document = cap.body().getBytes(StandardCharsets.UTF_8);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(standards.resolve("cap1.2/cap12.xsd").toFile())
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        assertThat(CapSignature.verify(document, Optional.of(CapKeyFiles.readPublic(ServerUnderTest.DATA.resolve("cap.pub")))))
                .isNotNull();
        CapAlert cancel = CapReader.read(document);
        assertThat(cancel.msgType()).isEqualTo("Cancel");
        assertThat(cancel.identifier()).isEqualTo(warning + "-cancel");
        assertThat(cancel.references()).containsExactly(original.reference());
        assertThat(cancel.sent().toInstant()).isEqualTo(java.time.Instant.parse(cancelledAt).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(cancel.infos().get(0).description().orElseThrow()).startsWith("Security alert withdrawn: ");

        // the feed lists the Cancel in the alert's place
        Reply feed = expect(200, Http.get(port, null, "/feeds/warnings.atom"));
        assertThat(PublicAlertsTest.relaxNgProblems(standards.resolve("atom/atom_rfc4287.rng"), feed.body())).isEmpty();
        assertThat(feed.body()).contains("<link href=\"http://127.0.0.1:" + port + "/cap/" + warning
                + "-cancel.xml\" rel=\"alternate\" type=\"application/cap+xml\"/>")
                .doesNotContain("/cap/" + warning + ".xml\"");
        Reply page = expect(200, Http.get(port, null, "/advisories/" + warning + "-cancel"));
        assertThat(page.body()).contains("Security alert withdrawn");
        problem(404, Http.get(port, null, "/cap/W-nothing-cancel.xml"));

        // warned again: the renewal of the cancelled warning is a new alert everywhere, not an update of a withdrawn one
        String renewalDraft = expect(201, Http.post(port, "analyst", "/api/v1/warnings/" + warning + "/renewal", null,
                (String) null)).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + renewalDraft + "/approve", null, (String) null));
        String renewal = expect(201, Http.post(port, "approver", "/api/v1/drafts/" + renewalDraft + "/issue", null,
                (String) null)).json().path("id").asString();
        assertThat(Http.get(port, "oversight", "/api/v1/warnings/" + renewal).json().path("renews").asString()).isEqualTo(warning);
        Poll.until(PATIENCE, () -> deliveries(renewal, "?state=sent").size() == 3, () -> "deliveries: " + deliveries(renewal, ""));
        assertThat(deliveries(renewal, "")).extracting(d -> d.path("kind").asString()).containsOnly("alert");
        String renewedCap = expect(200, Http.get(port, null, "/cap/" + renewal + ".xml")).body();
        CapAlert renewed = CapReader.read(renewedCap.getBytes(StandardCharsets.UTF_8));
        assertThat(renewed.msgType()).isEqualTo("Alert");
        assertThat(renewed.references()).isEmpty();
        MimeMessage alertAgain = SMTP.getReceivedMessages()[2];
        // a new alert's subject, not an update's; its validity runs from the renewal's issue, a minute on at times
        assertThat(alertAgain.getSubject()).startsWith("Security alert, valid until ").endsWith(" MSK");
        assertThat(JSON.readTree(RECEIVER.received().get(2).body()).path("kind").asString()).isEqualTo("alert");

        // the liaison desk carried the renewal too, after the machines had delivered it: recorded, the obligation unmoved
        Reply carried = expect(200, Http.post(port, "liaison", "/api/v1/obligations/R-1/public-moscow/delivery",
                "application/json", "{\"channel\": \"city liaison desk\"}"));
        assertThat(carried.json().path("state").asString()).isEqualTo("delivered");
        assertThat(Events.ofType(port, "warning-delivered")).last().satisfies(e -> {
            assertThat(e.path("actor").asString()).isEqualTo("liaison");
            assertThat(e.path("summary").asString()).isEqualTo("warning delivered to public-moscow over city liaison desk; "
                    + "it was delivered already");
        });
        assertThat(deliveries(renewal, "?state=sent")).extracting(d -> d.path("channel").asString())
                .containsExactlyInAnyOrder("email", "webhook", "cap-feed", "liaison");

        // the renewal cancelled in turn: its Cancel withdraws the new alert alone, the first was withdrawn already
        expect(200, cancel("approver", renewal, reason));
        String renewalCancelCap = expect(200, Http.get(port, null, "/cap/" + renewal + "-cancel.xml")).body();
        CapAlert renewalCancel = CapReader.read(renewalCancelCap.getBytes(StandardCharsets.UTF_8));
        assertThat(renewalCancel.msgType()).isEqualTo("Cancel");
        assertThat(renewalCancel.references()).containsExactly(renewed.reference());
        // the desk that carried it is to tell the party it is withdrawn: a liaison cancel, queued for a person
        assertThat(cancels(renewal, "")).filteredOn(d -> d.path("channel").asString().equals("liaison")).singleElement()
                .satisfies(d -> assertThat(d.path("state").asString()).isEqualTo("queued"));

        // nothing protected in anything the cancellation and the renewal after it put out
        List<String> outputs = new ArrayList<>(List.of(mailBody, withdrawn.getSubject(), hook.body(), cap.body(), feed.body(),
                page.body(), Http.get(port, "oversight", "/api/v1/events?size=500").body(), renewedCap,
                GreenMailUtil.getBody(alertAgain), RECEIVER.received().get(2).body(), renewalCancelCap));
        for (String output : outputs) {
            for (String secret : Reports.PROTECTED) {
                assertThat(output).doesNotContainIgnoringCase(secret);
            }
        }
    }

    private Reply cancel(String login, String warning, String body, String... headers) {
        return Http.post(port, login, "/api/v1/warnings/" + warning + "/cancellation", "application/json", body, headers);
    }

    private String issue(String audience) {
        String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"" + audience + "\"}")).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
        return expect(201, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", null, (String) null))
                .json().path("id").asString();
    }

    private List<JsonNode> deliveries(String warning, String query) {
        List<JsonNode> all = new ArrayList<>();
        expect(200, Http.get(port, "oversight", "/api/v1/warnings/" + warning + "/deliveries" + query))
                .json().path("items").forEach(all::add);
        return all;
    }

    private List<JsonNode> cancels(String warning, String query) {
        return deliveries(warning, query).stream().filter(d -> d.path("kind").asString().equals("cancel")).toList();
    }

    private String state(String obligation) {
        return Http.get(port, "oversight", "/api/v1/obligations/" + obligation).json().path("state").asString();
    }

    private static WebhookReceiver receiver() {
        try {
            return new WebhookReceiver(SECRET, request -> WebhookReceiver.Answer.of(204));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
