package io.forewarn.dissemination.mail;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.WrittenChannel;
import io.forewarn.party.ContactPoint;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * An email delivery as a replay writes it: the message the mail channel would have sent ({@link WarningMessage}, from
 * the same {@link WarningMail}), dated by the replay's clock, as {@code mail/<warning>-<party>.eml}; what went is its
 * subject and language ({@code email "…" (ru)}).
 */
public final class MailFiles implements WrittenChannel.Rendering {

    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;
    private final WarningMail mail;
    private final Clock clock;

    public MailFiles(InternetAddress from, WarningMail mail, Clock clock) {
        this.from = Objects.requireNonNull(from, "from");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WrittenChannel.Written render(Delivery delivery) {
        MailContent content = mail.write(delivery);
        try {
            InternetAddress to = new InternetAddress(((ContactPoint.Email) delivery.to()).address(), true);
            byte[] message = WarningMessage.bytes(WarningMessage.of(session, from, to, delivery, content,
                    Date.from(clock.instant())));
            return new WrittenChannel.Written("mail", delivery.warning().id() + "-" + delivery.partyId(), "eml", message,
                    "email \"" + content.subject() + "\" (" + content.language().tag() + ")");
        } catch (AddressException notAnAddress) {
            throw new IllegalArgumentException("the contact point's address is not one a mail server takes");
        } catch (MessagingException failed) {
            throw new IllegalArgumentException("the message cannot be written (" + failed.getClass().getSimpleName() + ")");
        }
    }
}
