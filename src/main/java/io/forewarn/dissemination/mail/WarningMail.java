package io.forewarn.dissemination.mail;

import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.Delivery;
import io.forewarn.language.Phrasebook;
import io.forewarn.sanitize.ZoneNames;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The email a delivery is sent as, in the party's language ({@link Delivery#language()}): a subject, who sends
 * it, the warning's text as issued (its protective advice is its last sentence), how long it is valid, and a link
 * to acknowledge it, then the delivery's reference. Every word but the warning's own comes from the language's
 * phrasebook ({@code warnings/<tag>.yaml}, the {@code mail-} messages). A cancellation says the warning is withdrawn,
 * and neither states its validity nor asks for an acknowledgement.
 */
public final class WarningMail {

    private final String sender;
    private final ZoneId zone;
    private final AcknowledgementLinks links;
    private final Optional<Duration> linkLifetime;
    private final Clock clock;

    /**
     * @param sender       who the mail says sends the warning, e.g. the agency's name
     * @param zone         the zone the validity's moments are written in
     * @param linkLifetime how long an acknowledgement link works from sending; empty: until the warning's validity ends
     */
    public WarningMail(String sender, ZoneId zone, AcknowledgementLinks links, Optional<Duration> linkLifetime,
                       Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.links = Objects.requireNonNull(links, "links");
        this.linkLifetime = Objects.requireNonNull(linkLifetime, "linkLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MailContent write(Delivery delivery) {
        Phrasebook book = Phrasebook.of(delivery.language());
        String kind = delivery.kind().name().toLowerCase(Locale.ROOT);
        Instant linkExpires = linkLifetime.map(clock.instant()::plus).orElse(delivery.warning().validity().to());
        String subject = book.say("mail-subject", Map.of("kind", kind,
                "until", moment(book, delivery.warning().validity().to())));

        List<MailContent.Block> blocks = new ArrayList<>();
        blocks.add(new MailContent.Heading(subject));
        blocks.add(new MailContent.Paragraph(book.say("mail-intro", Map.of("kind", kind, "sender", book.isolate(sender)))));
        blocks.add(new MailContent.Paragraph(delivery.text()));
        if (delivery.kind() != Delivery.Kind.CANCEL) {
            // a withdrawn warning is valid no longer: its validity as issued would only mislead
            blocks.add(new MailContent.Paragraph(book.say("mail-validity", Map.of(
                    "from", moment(book, delivery.warning().validity().from()),
                    "to", moment(book, delivery.warning().validity().to())))));
            URI link = links.link(delivery.id(), linkExpires, book.language());
            blocks.add(new MailContent.Paragraph(book.say("mail-acknowledge", Map.of("until", moment(book, linkExpires)))));
            blocks.add(new MailContent.Link(book.say("mail-acknowledge-link", Map.of()), link));
        }
        blocks.add(new MailContent.Paragraph(book.say("mail-reference", Map.of("delivery", book.isolate(delivery.id())))));
        return new MailContent(book.language(), book.direction(), subject, blocks);
    }

    /** A moment as the language writes it, with the zone's name: {@code 29 March 2024, 20:00 MSK}. */
    private String moment(Phrasebook book, Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return book.isolate(book.dateTime().format(local) + " " + ZoneNames.of(local));
    }
}
