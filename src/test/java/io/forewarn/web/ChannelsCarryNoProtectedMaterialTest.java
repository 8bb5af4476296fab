package io.forewarn.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.forewarn.cli.ProtectedTermsStayInsideNeedToKnowTest;
import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.MailAndWebhookProperties;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.dissemination.mail.MailChannel;
import io.forewarn.dissemination.mail.SmtpServer;
import io.forewarn.dissemination.mail.WarningMail;
import io.forewarn.json.DeliveryBody;
import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;
import io.forewarn.sanitize.Disguise;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import io.forewarn.server.CaseDesk;
import io.forewarn.server.ForewarnServer;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports whose protected term is written, in every disguise the leak check folds away, into every facet and narrative
 * field (the reports of {@link ProtectedTermsStayInsideNeedToKnowTest}) are worked through the real server to issued
 * warnings for a venue operator and citizens abroad, who read Russian and Persian. Each warning, in each of its
 * languages, as a new warning and as an update, is sent by email (to GreenMail, read back) and rendered as a webhook
 * body: no subject, plain-text part, HTML part (as its reader reads it) or webhook body carries the term in any
 * disguise, as the leak check itself reads them. Each acknowledgement link's token is read back instead: it names
 * its delivery.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsCarryNoProtectedMaterialTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Disguises per report: each field of a report carries all of them. */
    private static final int PER_REPORT = 54;
    private static final Pattern TOKEN = Pattern.compile("/ack/([A-Za-z0-9_.-]+)");

    @LocalServerPort
    int port;
    @Autowired
    CaseDesk desk;
    @Autowired
    AcknowledgementLinks links;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void noEmailPartOrWebhookBodyCarriesTheTermInAnyDisguise() throws Exception {
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "kindless-arena", "kind": "venue", "audience": "venue-operator", "languages": ["ru", "fa"],
                 "place": {"site": "Olimpiyskiy Arena", "locality": "Moscow", "region": "Moscow Oblast", "country": "RU",
                           "lat": 55.781, "lon": 37.621, "radius-m": 300}}"""));
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "us-citizens-ru", "kind": "registrants", "audience": "own-citizens", "relationship": "ally",
                 "area": {"country": "RU"}, "count": 5000, "languages": ["fa", "ru"]}"""));

        List<Disguise> disguises = Disguise.everyCombination();
        Set<String> disguised = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i * PER_REPORT < disguises.size(); i++) {
            List<String> terms = disguises.subList(i * PER_REPORT, Math.min(disguises.size(), (i + 1) * PER_REPORT)).stream()
                    .map(disguise -> disguise.apply(ProtectedTermsStayInsideNeedToKnowTest.TERM)).toList();
            disguised.addAll(terms);
            expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json",
                    ProtectedTermsStayInsideNeedToKnowTest.report(i, String.join(", ", terms))));
            for (String audience : List.of("venue-operator", "own-citizens")) {
                String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-" + i + "/drafts",
                        "application/json", "{\"audience\": \"" + audience + "\"}")).json().path("id").asString();
                expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
                warnings.add(expect(201, Http.post(port, "director", "/api/v1/drafts/" + draft + "/issue", null,
                        (String) null)).json().path("id").asString());
            }
        }
        LeakCheck oracle = ProtectedTermsStayInsideNeedToKnowTest.oracle();
        // the check below would pass vacuously if the disguises were not disguises, or the leak check missed one
        assertThat(disguised).allSatisfy(term -> assertThat(oracle.check("the " + term + " cell").isBlocked())
                .as("the leak check sees %s", term).isTrue());

        MailChannel mail = mailChannel();
        Map<String, String> outputs = new LinkedHashMap<>();
        int sent = 0;
        for (String id : warnings) {
            Warning warning = desk.read(casebook -> casebook.warning(id)).orElseThrow();
            assertThat(warning.texts().keySet()).as(id).containsExactlyInAnyOrder(Language.ENGLISH, Language.of("ru"), Language.of("fa"));
            for (Language language : warning.texts().keySet()) {
                for (Delivery.Kind kind : List.of(Delivery.Kind.ALERT, Delivery.Kind.UPDATE)) {
                    Delivery delivery = new Delivery("DL-" + (++sent), kind, warning, warning.partyIds().get(0),
                            new ContactPoint.Email("duty@" + warning.partyIds().get(0) + ".example"), List.of(language), 1);
                    assertThat(mail.send(delivery)).as(delivery.id()).isInstanceOf(SendOutcome.Sent.class);
                    outputs.put("webhook body of " + delivery.id() + " (" + id + ", " + language + ", " + kind + ")",
                            new String(DeliveryBody.json(delivery), StandardCharsets.UTF_8));
                }
            }
        }
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(sent);
        for (MimeMessage message : received) {
            String delivery = message.getHeader(MailChannel.DELIVERY_HEADER)[0];
            outputs.put("subject of " + delivery, message.getSubject());
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String text = withoutLinkToken((String) part.getContent(), delivery);
                outputs.put(part.getContentType() + " part of " + delivery,
                        part.isMimeType("text/html") ? MailAndWebhookProperties.readable(text) : text);
            }
        }

        // the outputs are real: the warnings' words are in them, in every language
        String all = String.join("\n", outputs.values());
        assertThat(all).contains("Security alert: credible threat to life.")
                .contains("Предупреждение об угрозе безопасности: достоверная угроза жизни.")
                .contains("هشدار امنیتی: تهدید جانی معتبر.")
                .contains("This warning is valid from").contains("Предупреждение действует с").contains("معتبر است");
        assertThat(outputs.keySet().stream().filter(what -> what.startsWith("text/html"))).hasSize(sent);
        List<String> leaks = new ArrayList<>();
        outputs.forEach((what, text) -> {
            if (oracle.check(text) instanceof LeakVerdict.Blocked) {
                leaks.add(what + ": " + text);
            }
            // the JSON escapes non-ASCII only if asked to; read it back as well, in case
            if (what.startsWith("webhook") && oracle.check(JSON.readTree(text).toString()) instanceof LeakVerdict.Blocked) {
                leaks.add(what + " (as JSON): " + text);
            }
        });
        assertThat(leaks).as("outputs that carry the protected term").isEmpty();
    }

    /**
     * A part with its acknowledgement link's token read back (it names the delivery and nothing else) and taken out:
     * random Base64 is no text, and the leak check's folds can find a short term in enough of it.
     */
    private String withoutLinkToken(String text, String delivery) {
        Matcher token = TOKEN.matcher(text);
        assertThat(token.find()).as("a link in %s", delivery).isTrue();
        assertThat(links.read(token.group(1))).isInstanceOfSatisfying(AcknowledgementLinks.Reading.Good.class,
                good -> assertThat(good.deliveryId()).isEqualTo(delivery));
        return TOKEN.matcher(text).replaceAll("/ack/TOKEN");
    }

    private MailChannel mailChannel() throws Exception {
        SmtpServer server = new SmtpServer("127.0.0.1", SMTP.getSmtp().getPort(), SmtpServer.Tls.NONE, Optional.empty(),
                Duration.ofSeconds(5));
        WarningMail warningMail = new WarningMail("Agency Watch", ZoneId.of("Europe/Moscow"), links, Optional.empty(),
                Clock.systemUTC());
        return new MailChannel(server.session(), new InternetAddress("Agency Watch <alerts@agency.example>"), warningMail);
    }
}
