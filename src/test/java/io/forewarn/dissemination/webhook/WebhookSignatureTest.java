package io.forewarn.dissemination.webhook;

import com.standardwebhooks.Webhook;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Forewarn's check of callbacks against the published Standard Webhooks signer: what one signs, the other accepts. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a webhook secret of 32 bytes!!!!".getBytes());
    private static final byte[] KEY = new ContactPoint.Webhook(URI.create("https://plaza.example/hooks"), SECRET).key();
    private static final String BODY = "{\"delivery\": \"DL-7f3a\"}";

    @Test
    void aCallbackSignedByThePublishedLibraryVerifies() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = new Webhook(SECRET).sign("msg_1", now, BODY);

        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(now), signature, bytes(BODY), Instant.now())).isTrue();
        // and several signatures, space-separated, as the scheme allows while a secret is rotated
        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(now), "v1,AAAA " + signature, bytes(BODY),
                Instant.now())).isTrue();
    }

    @Test
    void whatForewarnSignsThePublishedLibraryComputesAlike() throws Exception {
        assertThat(WebhookSignature.sign(KEY, "DL-7f3a", 1_710_752_700L, bytes(BODY)))
                .isEqualTo(new Webhook(SECRET).sign("DL-7f3a", 1_710_752_700L, BODY));
    }

    @Test
    void aChangedBodyIdOrTimestampOrAStaleOneDoesNotVerify() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = new Webhook(SECRET).sign("msg_1", now, BODY);

        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(now), signature,
                bytes("{\"delivery\": \"DL-0000\"}"), Instant.now())).as("another delivery").isFalse();
        assertThat(WebhookSignature.verifies(KEY, "msg_2", Long.toString(now), signature, bytes(BODY), Instant.now()))
                .as("another id").isFalse();
        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(now + 1), signature, bytes(BODY), Instant.now()))
                .as("another timestamp").isFalse();
        long old = now - 600;
        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(old), new Webhook(SECRET).sign("msg_1", old, BODY),
                bytes(BODY), Instant.now())).as("ten minutes old").isFalse();
        assertThat(WebhookSignature.verifies(KEY, "msg_1", Long.toString(now), "v1,not-base64!", bytes(BODY), Instant.now()))
                .as("garbage").isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
