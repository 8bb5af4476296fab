package io.forewarn.dissemination.mail;

import io.forewarn.dissemination.Artefacts;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
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
 * The email channel of a replay: it writes the message the mail channel would have sent ({@link WarningMessage}, from
 * the same {@link WarningMail}) as {@code mail/<warning>-<party>.eml}, dated by the replay's clock, and sends nothing.
 * Its receipt says what went and where it was written: {@code email "<subject>" (en), mail/W-4-crocus-city-hall.eml}.
 */
public final class MailFiles implements Channel {

    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;
    private final WarningMail mail;
    private final Artefacts out;
    private final Clock clock;

    public MailFiles(InternetAddress from, WarningMail mail, Artefacts out, Clock clock) {
        this.from = Objects.requireNonNull(from, "from");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        if (!(delivery.to() instanceof ContactPoint.Email email)) {
            return SendOutcome.Failed.permanent("the email channel sends to email addresses, not to a "
                    + delivery.to().kind() + " contact point");
        }
        try {
            MailContent content = mail.write(delivery);
            byte[] message = WarningMessage.bytes(WarningMessage.of(session, from, new InternetAddress(email.address(), true),
                    delivery, content, Date.from(clock.instant())));
            String path = out.put("mail", delivery.warning().id() + "-" + delivery.partyId(), "eml", message);
            return new SendOutcome.Sent("email \"" + content.subject() + "\" (" + content.language().tag() + "), " + path);
        } catch (AddressException notAnAddress) {
            return SendOutcome.Failed.permanent("the contact point's address is not one a mail server takes");
        } catch (MessagingException failed) {
            return SendOutcome.Failed.permanent("the message cannot be written (" + failed.getClass().getSimpleName() + ")");
        }
    }
}
