package io.forewarn.cli;

import io.forewarn.OutsideTheRepository;
import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapReader;
import io.forewarn.dissemination.webhook.WebhookSignature;
import io.forewarn.party.ContactPoint;
import io.forewarn.report.ThreatReport;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioEvent;
import io.forewarn.scenario.ScenarioFile;
import io.forewarn.server.WrittenChannels;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn demo --out DIR}: the as-policy replay sends each party's warnings through the outbox to its contact
 * points, and the demo shows per party what it received, over which channel and whether before the attack; the files
 * are what the channels would have sent (signed CAP alerts in English and Russian, the venue's email, the liaison's
 * signed webhook request), each readable by its receiver's tools and free of protected material.
 */
class DemoReceivedTest {

    @TempDir
    static Path dir;

    static Path out;
    static Cli.Result demo;
    static Scenario scenario;

    @BeforeAll
    static void runTheDemo() {
        out = dir.resolve("received");
        demo = Cli.run("demo", "--quiet", "--out", out);
        scenario = ScenarioFile.parse("crocus-2024.yaml", DemoCommand.builtInScenario());
    }

    @Test
    void showsPerPartyTheChannelAndWhetherItArrivedBeforeTheAttack() {
        assertThat(demo.exit()).as(demo.err()).isZero();
        String received = section(demo.out());
        assertThat(received).startsWith("What each party received, as-policy (times Europe/Moscow; the attack at 2024-03-22 19:58)");
        assertThat(rows(received, "us-citizens-ru (own-citizens; reads en, ru)"))
                .containsExactly("2024-03-07 10:00|yes|cap-feed|US Embassy Moscow alert subscribers|CAP Alert en+ru, cap/W-1.xml",
                        "2024-03-14 05:30|yes|cap-feed|US Embassy Moscow alert subscribers|CAP Update en+ru, cap/W-5.xml",
                        "2024-03-21 01:00|yes|cap-feed|US Embassy Moscow alert subscribers|CAP Update en+ru, cap/W-9.xml");
        assertThat(rows(received, "public-moscow (public; reads ru)")).first().asString()
                .isEqualTo("2024-03-07 10:00|yes|cap-feed|Moscow broadcasters and alerting apps|CAP Alert en+ru, cap/W-2.xml");
        assertThat(rows(received, "ru-authorities (foreign-government; reads ru)")).first().asString()
                .isEqualTo("2024-03-07 10:00|yes|webhook|https://liaison.ru-authorities.example/forewarn|webhook alert, "
                        + "webhook/W-3-ru-authorities.http");
        assertThat(rows(received, "crocus-city-hall (venue-operator; reads ru)")).first().asString()
                .startsWith("2024-03-07 10:00|yes|email|operator@crocus-city-hall.invalid|email \"Предупреждение об угрозе")
                .endsWith("(ru), mail/W-4-crocus-city-hall.eml");
        assertThat(demo.out()).contains("Wrote 13 files to " + out + ".\nCheck a CAP alert: forewarn cap verify "
                + out.resolve("cap/W-1.xml") + " --key " + out.resolve("cap.pub"));
    }

    /**
     * A delivery that arrives after the attack says so, and one still queued when the replay ends says that: the
     * same case, its delivery delay stretched past the attack and a last event a week later.
     */
    @Test
    void aDeliveryAfterTheAttackIsMarkedNo() {
        String yaml = DemoCommand.builtInScenario()
                .replace("delivery: PT30M", "delivery: P15DT12H")
                .replace("\nexpect:\n", "\n  - at: 2024-03-30T00:00\n    countermeasure: the case is closed\n\nexpect:\n");
        Path late = Cli.write(dir, "late.yaml", yaml);

        Cli.Result run = Cli.run("scenario", "run", late, "--mode", "as-policy");

        assertThat(run.exit()).as(run.err()).isEqualTo(1); // the parties are no longer covered at the attack
        List<String> rows = rows(section(run.out(), "\nExpectations"), "us-citizens-ru (own-citizens; reads en, ru)");
        assertThat(rows.get(0)).isEqualTo("2024-03-22 21:30|no|cap-feed|US Embassy Moscow alert subscribers|CAP Alert en+ru, cap/W-1.xml");
        assertThat(rows).contains("queued|-|cap-feed|US Embassy Moscow alert subscribers|update of W-9, not sent");
    }

    @Test
    void theLedgerRecordsEachDeliveryOverItsChannel() {
        Cli.Result timelines = Cli.run("demo");
        assertThat(timelines.out())
                .containsPattern("2024-03-07 10:00  warning-delivered +warning delivered to us-citizens-ru over cap-feed")
                .containsPattern("2024-03-07 10:00  warning-delivered +warning delivered to ru-authorities over webhook")
                .containsPattern("2024-03-07 10:00  warning-delivered +warning delivered to crocus-city-hall over email")
                .doesNotContain("over registrant alert").doesNotContain("over venue contact");
        assertThat(timelines.out().indexOf("Timeline, as-policy")).isLessThan(timelines.out().indexOf("What each party received"));
    }

    @Test
    void theCitizensAlertIsSignedCapWithAnInfoInEnglishAndInRussian() throws Exception {
        byte[] alert = Files.readAllBytes(out.resolve("cap/W-1.xml"));
        CapAlert read = CapReader.read(alert);
        assertThat(read.msgType()).isEqualTo("Alert");
        assertThat(read.infos()).extracting(CapAlert.Info::language).containsExactly("en", "ru");
        assertThat(read.infos().get(1).description().orElseThrow()).containsPattern("\\p{IsCyrillic}{4,}");
        CapAlert update = CapReader.read(Files.readAllBytes(out.resolve("cap/W-5.xml")));
        assertThat(update.msgType()).isEqualTo("Update");
        // W-1 was issued at 09:30 Moscow time, when the drafting and approval delays had passed
        assertThat(update.references()).containsExactly(WrittenChannels.SENDER + ",W-1,2024-03-07T06:30:00+00:00");
    }

    @Test
    void everyAlertWrittenValidatesAgainstTheCapSchemaAndVerifies() throws Exception {
        Path xsd = OutsideTheRepository.sharedFolder("standards/cap1.2", DemoReceivedTest.class).resolve("cap12.xsd");
        Validator validator = javax.xml.validation.SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(xsd.toFile()).newValidator();
        List<Path> alerts = files().stream().filter(file -> file.toString().endsWith(".xml")).toList();
        assertThat(alerts).hasSize(6);
        for (Path alert : alerts) {
            validator.validate(new StreamSource(alert.toFile()));
            Cli.Result verified = Cli.run("cap", "verify", alert, "--key", out.resolve("cap.pub"));
            assertThat(verified.exit()).as(alert + ": " + verified.all()).isZero();
        }
        Path changed = dir.resolve("changed.xml");
        Files.writeString(changed, Files.readString(alerts.get(0)).replace("Moscow", "Moskva"));
        assertThat(Cli.run("cap", "verify", changed, "--key", out.resolve("cap.pub")).exit()).isEqualTo(1);
    }

    @Test
    void theVenueGetsAnEmailWithATextAndAnHtmlPartInRussian() throws Exception {
        MimeMessage mail = mail(out.resolve("mail/W-4-crocus-city-hall.eml"));
        assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("operator@crocus-city-hall.invalid");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("ru");
        assertThat(mail.getSubject()).startsWith("Предупреждение об угрозе безопасности");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"ru\" dir=\"ltr\">")
                .contains("https://forewarn.invalid/ack/");
    }

    @Test
    void theLiaisonGetsAWebhookRequestSignedWithItsSecretAndTheSecretIsNowhere() throws Exception {
        ContactPoint.Webhook webhook = (ContactPoint.Webhook) scenario.contacts().get("ru-authorities").get(0);
        byte[] request = Files.readAllBytes(out.resolve("webhook/W-3-ru-authorities.http"));
        String text = new String(request, StandardCharsets.UTF_8);
        int blank = text.indexOf("\r\n\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> head = text.substring(0, blank).lines().toList();
        assertThat(head.get(0)).isEqualTo("POST /forewarn HTTP/1.1");
        head.stream().skip(1).forEach(line -> headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2)));
        assertThat(headers).containsEntry("host", "liaison.ru-authorities.example").containsEntry("webhook-id", "dlv-3")
                .containsEntry("content-type", "application/json");
        byte[] body = text.substring(blank + 4).getBytes(StandardCharsets.UTF_8);
        String timestamp = headers.get("webhook-timestamp");
        assertThat(Instant.ofEpochSecond(Long.parseLong(timestamp))).isEqualTo(Instant.parse("2024-03-07T07:00:00Z"));
        assertThat(WebhookSignature.verifies(webhook.key(), "dlv-3", timestamp, headers.get("webhook-signature"), body,
                Instant.ofEpochSecond(Long.parseLong(timestamp)))).isTrue();
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"delivery\":\"dlv-3\",\"kind\":\"alert\",\"warning\":{\"id\":\"W-3\"");

        assertThat(demo.all()).doesNotContain(webhook.secret()).doesNotContain(webhook.secret().substring("whsec_".length()));
        for (Path file : files()) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(webhook.secret().substring("whsec_".length()));
        }
    }

    /** The report's protected terms, sources, methods and narrative portions, read from the scenario. */
    @Test
    void noWrittenFileCarriesProtectedMaterial() throws Exception {
        ThreatReport report = scenario.events().stream().filter(ScenarioEvent.ReportReceived.class::isInstance)
                .map(event -> ((ScenarioEvent.ReportReceived) event).report()).findFirst().orElseThrow();
        List<String> forbidden = new ArrayList<>(report.protectedMaterial().terms());
        forbidden.addAll(report.protectedMaterial().sources());
        forbidden.addAll(report.protectedMaterial().methods());
        report.portions().forEach(portion -> forbidden.add(portion.text()));
        assertThat(forbidden).contains("NIGHTJAR", "TELEMARK-7");
        List<Path> files = files();
        assertThat(files).hasSize(13);
        for (Path file : files) {
            String readable = readable(file).toLowerCase(Locale.ROOT);
            assertThat(readable).as(file + " is read").isNotBlank();
            for (String secret : forbidden) {
                assertThat(readable).as(file + " must not carry \"" + secret + "\"").doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A file as its reader sees it: an email's parts decoded (they travel as base64), anything else as UTF-8. */
    private static String readable(Path file) throws Exception {
        if (!file.toString().endsWith(".eml")) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        MimeMessage mail = mail(file);
        StringBuilder text = new StringBuilder(mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            text.append('\n').append((String) part.getContent());
        }
        return text.toString();
    }

    private static MimeMessage mail(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            message.getContent(); // read whole before the stream closes
            return message;
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String section(String printed) {
        return section(printed, "\nSide by side");
    }

    private static String section(String printed, String next) {
        int from = printed.indexOf("What each party received");
        assertThat(from).as(printed).isNotNegative();
        return printed.substring(from, printed.indexOf(next, from));
    }

    /** The rows under a party's line, their columns joined by '|'. */
    private static List<String> rows(String section, String party) {
        List<String> lines = section.lines().toList();
        int at = lines.indexOf(party);
        assertThat(at).as(section).isNotNegative();
        assertThat(lines.get(at + 1).strip()).startsWith("sent at").contains("before", "channel", "address", "what");
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(at + 2, lines.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            rows.add(String.join("|", line.strip().split(" {2,}")));
        }
        return rows;
    }
}
