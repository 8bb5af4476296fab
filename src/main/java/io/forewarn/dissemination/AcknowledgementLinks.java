package io.forewarn.dissemination;

import io.forewarn.language.Language;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The link an emailed warning carries so its reader can say it arrived, without a login: {@code /ack/{token}}, where
 * the token names the delivery, the moment the link stops working and the language of its page, and is signed with
 * the server's key (HMAC-SHA256), so nobody can make one for a delivery or stretch its life. That a link is used only
 * once is not in the token: the server keeps the deliveries already acknowledged ({@link SpentLinks}).
 *
 * <p>A token is {@code base64url(payload) "." base64url(mac)}, the payload {@code deliveryId \n expiry-epoch-seconds
 * \n language-tag}. It names no party and no warning's text, so a link that leaks says nothing but that it exists.
 */
public final class AcknowledgementLinks {

    /** Where the pages of the links are served, under the server's public address. */
    public static final String PATH = "/ack/";

    private static final String ALGORITHM = "HmacSHA256";
    // the MAC is over a label and the payload, so this key can sign nothing else that is ever given the same bytes
    private static final byte[] LABEL = "forewarn acknowledgement link v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,400}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final URI base;
    private final Clock clock;

    /**
     * @param key  the server's link key, 32 bytes or more
     * @param base the server's public address as its readers reach it, e.g. {@code https://forewarn.example.org}
     */
    public AcknowledgementLinks(byte[] key, URI base, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an acknowledgement link key holds 32 bytes or more");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        String address = base.toString();
        this.base = URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The link for one delivery, working until {@code expires}, its page in {@code language}. */
    public URI link(String deliveryId, Instant expires, Language language) {
        if (deliveryId.contains("\n")) {
            throw new IllegalArgumentException("a delivery id is one line");
        }
        byte[] payload = (deliveryId + "\n" + expires.getEpochSecond() + "\n" + language.tag())
                .getBytes(StandardCharsets.UTF_8);
        return URI.create(base + PATH + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload)));
    }

    /** What a token from a link says, checked: forged, expired, or good for its delivery. */
    public Reading read(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return new Reading.Malformed();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        try {
            payload = DECODER.decode(token.substring(0, dot));
        } catch (IllegalArgumentException notBase64) {
            return new Reading.Malformed();
        }
        if (!MessageDigest.isEqual(mac(payload), DECODER.decode(token.substring(dot + 1)))) {
            return new Reading.Forged();
        }
        // signed by this server, so well formed: it wrote it
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        Language language = Language.of(parts[2]);
        return clock.instant().isBefore(expires)
                ? new Reading.Good(parts[0], expires, language)
                : new Reading.Expired(parts[0], expires, language);
    }

    /** What a link's token came to. */
    public sealed interface Reading {

        /** Signed by this server and not yet expired: it may acknowledge its delivery, if not used before. */
        record Good(String deliveryId, Instant expires, Language language) implements Reading {
        }

        /** Signed by this server, but past its time. */
        record Expired(String deliveryId, Instant expires, Language language) implements Reading {
        }

        /** Not the shape of a token at all: cut short in copying, say. */
        record Malformed() implements Reading {
        }

        /** Not a token this server signed (changed, truncated or made up): it names nothing that can be trusted. */
        record Forged() implements Reading {
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(LABEL);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
