package io.forewarn.dissemination.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Standard Webhooks 1.0 signatures: {@code v1,} and the Base64 of HMAC-SHA256, keyed with the endpoint's secret, of
 * {@code webhook-id "." webhook-timestamp "." body}. Forewarn signs what it sends with it, and checks with it the
 * acknowledgements a receiver calls back with, signed with the same secret.
 */
public final class WebhookSignature {

    /** The headers of the scheme, in the case HTTP/2 writes them. */
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    /** How far a message's timestamp may be from the clock, as the scheme's verifiers allow, against replays. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} value of a message. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(key, id, Long.toString(timestamp), body));
    }

    /**
     * Whether a message's headers are good for it: the timestamp within {@link #TOLERANCE} of {@code now}, and one of
     * the space-separated signatures a {@code v1} signature of it with this key (compared in constant time).
     */
    public static boolean verifies(byte[] key, String id, String timestamp, String signatures, byte[] body,
                                   Instant now) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = mac(key, id, timestamp.strip(), body);
        for (String signature : signatures.strip().split(" +")) {
            if (!signature.startsWith(VERSION)) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(VERSION.length())))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // another signature may still match
            }
        }
        return false;
    }

    private static byte[] mac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }
}
