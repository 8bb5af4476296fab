package io.forewarn.dissemination.mail;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.party.ContactPoint;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

import java.net.SocketTimeoutException;
import java.util.Date;
import java.util.Objects;

/**
 * Warnings by email over SMTP: one message per delivery, as {@link WarningMessage} writes it.
 *
 * <p>What the mail server answers decides what happens next: a recipient refused with a 5xx reply (no such mailbox)
 * or a message refused with one is permanent; a 4xx reply (greylisting, a full mailbox), a refused or dropped
 * connection, a timeout, or a login the server refuses (Forewarn's own settings, not the delivery, are wrong then)
 * is temporary.
 */
public final class MailChannel implements Channel {

    /** The header that names the delivery, for receivers and for tests. */
    public static final String DELIVERY_HEADER = WarningMessage.DELIVERY_HEADER;

    private final Session session;
    private final InternetAddress from;
    private final WarningMail mail;

    public MailChannel(Session session, InternetAddress from, WarningMail mail) {
        this.session = Objects.requireNonNull(session, "session");
        this.from = Objects.requireNonNull(from, "from");
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        if (!(delivery.to() instanceof ContactPoint.Email email)) {
            return SendOutcome.Failed.notCarried(this, delivery, "email addresses");
        }
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(email.address(), true);
        } catch (AddressException notAnAddress) {
            return SendOutcome.Failed.permanent("the contact point's address is not one a mail server takes");
        }
        try {
            MimeMessage message = WarningMessage.of(session, from, recipient, delivery, mail.write(delivery), new Date());
            try (Transport transport = session.getTransport()) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
                String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "";
                return new SendOutcome.Sent(answer == null || answer.isBlank() ? "accepted" : answer.strip());
            }
        } catch (MessagingException failed) {
            return classify(failed);
        }
    }

    /** A mail server's refusal or a broken connection, as a failure the outbox can act on; never the message's text. */
    static SendOutcome.Failed classify(MessagingException failed) {
        for (Exception next = failed; next != null;
             next = next instanceof MessagingException messaging ? messaging.getNextException() : null) {
            if (next instanceof SMTPSenderFailedException sender) {
                return SendOutcome.Failed.temporary("the mail server refused the sender address (SMTP "
                        + sender.getReturnCode() + "); check forewarn.mail.from");
            }
            if (next instanceof SMTPAddressFailedException recipient) {
                return byCode(recipient.getReturnCode(), "the mail server refused the recipient");
            }
            if (next instanceof SMTPSendFailedException message) {
                return byCode(message.getReturnCode(), "the mail server refused the message");
            }
        }
        if (failed instanceof AuthenticationFailedException) {
            return SendOutcome.Failed.temporary("the mail server refused Forewarn's login; check forewarn.mail.user "
                    + "and forewarn.mail.password");
        }
        if (failed instanceof MailConnectException) {
            return SendOutcome.Failed.temporary("cannot connect to the mail server");
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return SendOutcome.Failed.temporary("the mail server did not answer in time");
            }
        }
        return SendOutcome.Failed.temporary("the mail could not be handed to the mail server ("
                + failed.getClass().getSimpleName() + ")");
    }

    private static SendOutcome.Failed byCode(int code, String what) {
        String reason = what + " (SMTP " + code + ")";
        return code >= 500 && code < 600 ? SendOutcome.Failed.permanent(reason) : SendOutcome.Failed.temporary(reason);
    }
}
