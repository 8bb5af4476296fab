package io.forewarn.dissemination;

import io.forewarn.dissemination.mail.MailContent;
import io.forewarn.dissemination.mail.WarningMail;
import io.forewarn.json.DeliveryBody;
import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Disguise;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.ProtectedReports;
import io.forewarn.sanitize.Sanitizer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Issue 13, "Must show", for the email and webhook channels: for generated reports with protected material, disguised
 * every way the leak check knows and drafted for every audience in every shipped language, no email (subject,
 * plain-text part, HTML part) and no webhook body, in any language, of any kind, carries a protected term. The
 * acknowledgement link's token is read back instead of searched: it says the delivery, its expiry and its language;
 * the HTML part is searched as its reader reads it, its own tags aside.
 */
public class MailAndWebhookProperties {

    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Sanitizer SANITIZER = new Sanitizer(ZoneId.of("Europe/Moscow"));
    private static final List<Language> LANGUAGES = List.of(Language.of("ru"), Language.of("fa"));
    private static final Instant ISSUED = ProtectedReports.RECEIVED.plus(Duration.ofHours(1));
    private static final Clock CLOCK = Clock.fixed(ISSUED, ZoneOffset.UTC);
    private static final AcknowledgementLinks LINKS = new AcknowledgementLinks(new byte[32],
            URI.create("https://forewarn.agency.example"), CLOCK);
    private static final WarningMail MAIL = new WarningMail("Test agency", ZoneId.of("Europe/Moscow"), LINKS,
            Optional.empty(), CLOCK);
    private static final Pattern TOKEN = Pattern.compile("/ack/([A-Za-z0-9_.-]+)");
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void noEmailOrWebhookBodyCarriesAProtectedTerm() {
        // the kind changes only the mail's own sentences (its intro, whether it has a link), so each example draws one
        qt().withExamples(25).withGenerateAttempts(100)
                .forAll(ProtectedReports.terms(), Disguise.any(), ProtectedReports.placements(),
                        integers().between(0, Delivery.Kind.values().length - 1))
                .checkAssert((term, disguise, placement, kindIndex) -> {
                    ThreatReport report = ProtectedReports.report(term, disguise.apply(term), placement);
                    LeakCheck leakCheck = LeakCheck.forReport(report);
                    Delivery.Kind kind = Delivery.Kind.values()[kindIndex];
                    for (Audience audience : POLICY.audiences().keySet()) {
                        Warning warning = warning(report, audience);
                        assertThat(warning.texts().keySet()).containsExactly(Language.ENGLISH, LANGUAGES.get(0), LANGUAGES.get(1));
                        Map<String, String> outputs = new LinkedHashMap<>();
                        outputs.put("webhook body", webhookBody(warning, kind));
                        for (Language language : warning.texts().keySet()) {
                            mail(warning, language, kind).forEach((part, text) -> outputs.put(part + " in " + language, text));
                        }
                        outputs.forEach((what, output) -> {
                            assertThat(leakCheck.check(output).isBlocked())
                                    .as("%s of a %s to %s, term %s as %s: %s%n%s", what, kind, audience, term,
                                            disguise.apply(term), leakCheck.check(output), output)
                                    .isFalse();
                            assertThat(output.toLowerCase(Locale.ROOT)).doesNotContain(term);
                        });
                    }
                });
    }

    /** The body a webhook is sent: every language's text is in it. */
    private static String webhookBody(Warning warning, Delivery.Kind kind) {
        Delivery hook = new Delivery("DL-P", kind, warning, "party-p",
                new ContactPoint.Webhook(URI.create("https://party.example/hooks"), SECRET), List.of(), 1);
        return new String(DeliveryBody.json(hook), StandardCharsets.UTF_8);
    }

    /** The mail a party that reads {@code language} is sent: its subject and both parts. */
    private static Map<String, String> mail(Warning warning, Language language, Delivery.Kind kind) {
        Delivery mail = new Delivery("DL-P", kind, warning, "party-p", new ContactPoint.Email("duty@party.example"),
                List.of(language), 1);
        MailContent content = MAIL.write(mail);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("subject", content.subject());
        outputs.put("text", withoutLinkTokens(content.plainText(), language, kind));
        outputs.put("html", readable(withoutLinkTokens(content.html(), language, kind)));
        assertThat(outputs.get("text")).contains(warning.texts().get(language));
        return outputs;
    }

    /**
     * The text with each acknowledgement link's token taken out, once it is read back to say no more than the
     * delivery, when the link expires and the language: random Base64 is no text, and a fuzzy leak check that folds
     * digits, case and look-alike letters can find any short term in enough of it.
     */
    private static String withoutLinkTokens(String text, Language language, Delivery.Kind kind) {
        Matcher tokens = TOKEN.matcher(text);
        int found = 0;
        while (tokens.find()) {
            found++;
            assertThat(LINKS.read(tokens.group(1))).isEqualTo(new AcknowledgementLinks.Reading.Good("DL-P",
                    ISSUED.plus(POLICY.validity()), language));
        }
        assertThat(found).as("links in a %s", kind).isEqualTo(kind == Delivery.Kind.CANCEL ? 0 : 1);
        return TOKEN.matcher(text).replaceAll("/ack/TOKEN");
    }

    /**
     * The HTML part as its reader reads it: its text, tags taken out and entities read back. The tags are the mail's
     * own, the same for every warning; a run of one-letter tags ({@code <a>}, {@code <p>}) is what a leak check that
     * joins letters spaced apart reads as a short made-up term.
     */
    public static String readable(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static Warning warning(ThreatReport report, Audience audience) {
        Draft draft = SANITIZER.draft(report, audience, POLICY.ceiling(audience).orElseThrow(), Map.of(), Map.of(),
                POLICY.advice(), LANGUAGES);
        return new Warning("W-P", report.id(), audience, List.of("party-p"), ISSUED,
                new TimeWindow(ISSUED, ISSUED.plus(POLICY.validity())), draft.released(), draft.releasedPlace(),
                draft.statedWindow(), draft.text(), draft.translations(), 0.5, draft.justifications(), Optional.empty(), false);
    }
}
