package io.forewarn.dissemination.mail;

import io.forewarn.dissemination.Delivery;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The message a delivery is emailed as: {@code multipart/alternative} with a plain-text and an HTML part written from
 * one {@link MailContent}. Its Message-ID is made from the delivery's id, so the copies a retry may send are one
 * message to a mail client that drops duplicates, and the delivery's id is in a header of its own. The mail channel
 * sends it; a replay writes it as it would have been sent ({@link MailFiles}).
 */
public final class WarningMessage {

    /** The header that names the delivery, for receivers and for tests. */
    public static final String DELIVERY_HEADER = "Forewarn-Delivery";

    private WarningMessage() {
    }

    public static MimeMessage of(Session session, InternetAddress from, InternetAddress to, Delivery delivery,
                                 MailContent content, Date sent) throws MessagingException {
        MimeMessage message = new DeliveryMessage(session, delivery.id(), from.getAddress());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(sent);
        message.setHeader(DELIVERY_HEADER, delivery.id());
        message.setHeader("Content-Language", content.language().tag());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.plainText(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        // the richest part last, as RFC 2046 orders alternatives
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    /** The message as it goes over the wire (RFC 5322, MIME): what an {@code .eml} file holds. */
    public static byte[] bytes(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A message whose Message-ID is its delivery's, however often it is sent. */
    private static final class DeliveryMessage extends MimeMessage {

        private final String messageId;

        DeliveryMessage(Session session, String deliveryId, String fromAddress) {
            super(session);
            String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
            this.messageId = "<" + deliveryId.replaceAll("[^A-Za-z0-9._-]", "_") + ".forewarn@" + domain + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
