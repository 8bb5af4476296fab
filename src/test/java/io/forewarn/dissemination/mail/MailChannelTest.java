package io.forewarn.dissemination.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.forewarn.ClosedPort;
import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.Deliveries;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.language.Language;
import io.forewarn.party.ContactPoint;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings sent to a real SMTP server (GreenMail) and read back as their recipient's mail client would: both parts of
 * the message, in the recipient's language, with the warning, its validity and a working acknowledgement link; and
 * what a mail server's refusals come to.
 */
class MailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Clock CLOCK = Clock.fixed(Deliveries.SENT, ZoneOffset.UTC);
    private static final AcknowledgementLinks LINKS = new AcknowledgementLinks(new byte[32],
            URI.create("https://forewarn.example.org"), CLOCK);
    private static final ContactPoint.Email TO = new ContactPoint.Email("duty@plaza.example");

    @Test
    void anEnglishReaderGetsTheWarningItsValidityAndALinkInBothParts() throws Exception {
        SendOutcome outcome = channel(SMTP.getSmtp().getPort()).send(Deliveries.to(TO, "en"));

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        MimeMessage message = only();
        assertThat(message.getSubject()).isEqualTo("Security alert, valid until 25 March 2024, 12:00 MSK");
        assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("alerts@agency.example");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("duty@plaza.example");
        assertThat(message.getHeader("Content-Language")).containsExactly("en");
        assertThat(message.getMessageID()).isEqualTo("<DL-7f3a.forewarn@agency.example>");

        String text = part(message, "text/plain");
        String link = link(text);
        assertThat(text).isEqualTo("""
                Security alert, valid until 25 March 2024, 12:00 MSK
                ====================================================

                Agency Watch sends you this warning.

                %s

                This warning is valid from 18 March 2024, 12:00 MSK until 25 March 2024, 12:00 MSK.

                Please confirm that you have received it: open the link below and press the button on the page. The link works once, until 25 March 2024, 12:00 MSK.

                Confirm that I have received this warning:
                %s

                Reference: delivery DL-7f3a. If this message reaches you more than once, the copies are the same warning.
                """.formatted(Deliveries.TEXTS.get(Language.ENGLISH), link));
        // the link names this delivery, works until the warning's validity ends, and opens its page in English
        assertThat(link).startsWith("https://forewarn.example.org/ack/");
        assertThat(LINKS.read(link.substring(link.lastIndexOf('/') + 1)))
                .isEqualTo(new AcknowledgementLinks.Reading.Good("DL-7f3a", Deliveries.VALID_UNTIL, Language.ENGLISH));

        String html = part(message, "text/html");
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
                .contains("<h1>Security alert, valid until 25 March 2024, 12:00 MSK</h1>")
                .contains("<p>" + Deliveries.TEXTS.get(Language.ENGLISH) + "</p>")
                .contains("<p>This warning is valid from 18 March 2024, 12:00 MSK until 25 March 2024, 12:00 MSK.</p>")
                .contains("<a href=\"" + link + "\">Confirm that I have received this warning</a>");
        assertThat(readable(html)).isEqualTo(readable(text.replace("=".repeat(52) + "\n", "")));
    }

    @Test
    void aRussianReaderGetsItAllInRussian() throws Exception {
        channel(SMTP.getSmtp().getPort()).send(Deliveries.to(TO, "ru"));

        MimeMessage message = only();
        assertThat(message.getSubject()).isEqualTo("Предупреждение об угрозе безопасности, действует до 25 марта 2024, 12:00 MSK");
        String text = part(message, "text/plain");
        assertThat(text).contains("Agency Watch направляет вам это предупреждение.")
                .contains(Deliveries.TEXTS.get(Language.of("ru")))
                .contains("Предупреждение действует с 18 марта 2024, 12:00 MSK до 25 марта 2024, 12:00 MSK.")
                .contains("Ссылка действует один раз, до 25 марта 2024, 12:00 MSK.")
                .contains("Подтвердить получение предупреждения:\nhttps://forewarn.example.org/ack/")
                .doesNotContain("Security alert");
        String link = link(text);
        assertThat(LINKS.read(link.substring(link.lastIndexOf('/') + 1)))
                .extracting(reading -> ((AcknowledgementLinks.Reading.Good) reading).language()).isEqualTo(Language.of("ru"));
        String html = part(message, "text/html");
        assertThat(html).contains("<html lang=\"ru\" dir=\"ltr\">")
                .contains("<p>Предупреждение действует с 18 марта 2024, 12:00 MSK до 25 марта 2024, 12:00 MSK.</p>");
        assertThat(readable(html)).isEqualTo(readable(text.replaceAll("\n=+\n", "\n")));
    }

    @Test
    void aPersianReaderGetsItInPersianRightToLeftWithTheLatinWordsIsolated() throws Exception {
        channel(SMTP.getSmtp().getPort()).send(Deliveries.to(TO, "fa"));

        MimeMessage message = only();
        assertThat(message.getSubject()).isEqualTo("هشدار امنیتی، معتبر تا \u206825 مارس 2024، 12:00 MSK\u2069");
        String text = part(message, "text/plain");
        assertThat(text).contains("\u2068Agency Watch\u2069 این هشدار را برای شما می‌فرستد.")
                .contains(Deliveries.TEXTS.get(Language.of("fa")))
                .contains("این هشدار از \u206818 مارس 2024، 12:00 MSK\u2069 تا \u206825 مارس 2024، 12:00 MSK\u2069 معتبر است.")
                .contains("دریافت این هشدار را تأیید می‌کنم:\nhttps://forewarn.example.org/ack/")
                .contains("شمارهٔ ارسال: \u2068DL-7f3a\u2069.");
        String html = part(message, "text/html");
        assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">");
        assertThat(readable(html)).isEqualTo(readable(text.replaceAll("\n=+\n", "\n")));
    }

    @Test
    void markupInAWarningIsTextInTheHtmlPart() throws Exception {
        Delivery delivery = new Delivery("DL-1", Delivery.Kind.ALERT,
                Deliveries.warning("Security alert: <script>alert(1)</script> & \"more\"."), "plaza", TO,
                List.of(Language.ENGLISH), 1);
        channel(SMTP.getSmtp().getPort()).send(delivery);

        String html = part(only(), "text/html");
        assertThat(html).contains("<p>Security alert: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;.</p>")
                .doesNotContain("<script>");
    }

    @Test
    void aCancellationSaysSoAndAsksForNoAcknowledgement() throws Exception {
        Delivery cancel = new Delivery("DL-9", Delivery.Kind.CANCEL, Deliveries.warning(), "plaza", TO,
                List.of(Language.ENGLISH), 1);
        channel(SMTP.getSmtp().getPort()).send(cancel);

        MimeMessage message = only();
        assertThat(message.getSubject()).isEqualTo("Security alert withdrawn");
        assertThat(part(message, "text/plain")).contains("Agency Watch withdraws the warning it sent you before.")
                .doesNotContain("/ack/").doesNotContain("confirm").doesNotContain("This warning is valid");
    }

    @Test
    void aRetriedDeliveryIsTheSameMessageToTheReader() throws Exception {
        MailChannel channel = channel(SMTP.getSmtp().getPort());
        Delivery first = Deliveries.to(TO, "en");
        channel.send(first);
        channel.send(new Delivery(first.id(), first.kind(), first.warning(), first.partyId(), first.to(), first.languages(), 2));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
        assertThat(received[1].getHeader(MailChannel.DELIVERY_HEADER)).containsExactly("DL-7f3a");
    }

    @ParameterizedTest(name = "RCPT answered {0}: permanent {1}")
    @CsvSource({
            "'550 5.1.1 no such mailbox', true",
            "'553 5.1.3 mailbox name not allowed', true",
            "'451 4.7.1 greylisted, try again later', false",
            "'452 4.2.2 mailbox full', false"})
    void aRecipientRefusedWithA5xxIsPermanentAndWithA4xxTemporary(String reply, boolean permanent) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientWith(reply)) {
            SendOutcome outcome = channel(server.port()).send(Deliveries.to(TO, "en"));

            assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
            SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
            assertThat(failed.permanent()).isEqualTo(permanent);
            assertThat(failed.disable()).isFalse();
            assertThat(failed.reason()).isEqualTo("the mail server refused the recipient (SMTP " + reply.substring(0, 3) + ")");
        }
    }

    @Test
    void aMailServerThatIsDownIsATemporaryFailure() {
        SendOutcome outcome = channel(ClosedPort.any()).send(Deliveries.to(TO, "en"));

        assertThat(outcome).isEqualTo(SendOutcome.Failed.temporary("cannot connect to the mail server"));
    }

    @Test
    void aMailServerThatSaysNothingIsATemporaryFailureAfterTheTimeout() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            SendOutcome outcome = channel(server.port()).send(Deliveries.to(TO, "en"));

            assertThat(outcome).isEqualTo(SendOutcome.Failed.temporary("the mail server did not answer in time"));
        }
    }

    @Test
    void aContactPointThatIsNotAnEmailAddressIsRefusedForGood() {
        Delivery delivery = Deliveries.to(new ContactPoint.Liaison("Moscow desk"), "en");

        SendOutcome outcome = channel(SMTP.getSmtp().getPort()).send(delivery);

        assertThat(outcome).isEqualTo(SendOutcome.Failed.permanent(
                "the email channel sends to email addresses, not to a liaison contact point"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static MailChannel channel(int port) {
        SmtpServer server = new SmtpServer("127.0.0.1", port, SmtpServer.Tls.NONE, Optional.empty(), Duration.ofSeconds(1));
        WarningMail mail = new WarningMail("Agency Watch", ZoneId.of("Europe/Moscow"), LINKS, Optional.empty(), CLOCK);
        try {
            return new MailChannel(server.session(), new InternetAddress("Agency Watch <alerts@agency.example>"), mail);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMessage only() {
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The decoded text of the message's part of that type. */
    static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType(type)) {
                assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String link(String text) {
        return text.lines().filter(line -> line.startsWith("https://")).findFirst().orElseThrow();
    }

    /** What a reader sees, whichever part: the words, tags and layout aside, entities read back. */
    private static String readable(String text) {
        return text.replaceAll("<title>.*?</title>", "").replaceAll("<[^>]+>", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replace(":\nhttps", " https").replaceAll("https://\\S+", "").replaceAll("[\\s:]+", " ").strip();
    }
}
