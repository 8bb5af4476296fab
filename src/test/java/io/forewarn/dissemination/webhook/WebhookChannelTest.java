package io.forewarn.dissemination.webhook;

import io.forewarn.ClosedPort;
import io.forewarn.dissemination.Deliveries;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.json.DeliveryBody;
import io.forewarn.party.ContactPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings posted to a local receiver that checks them with the published Standard Webhooks verifier, and what each
 * answer of a receiver comes to.
 */
class WebhookChannelTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a webhook secret of 32 bytes!!!!".getBytes());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aReceiverUsingThePublishedVerifierAcceptsTheDeliveryWithTheWarningAsTheApiRendersIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, request -> WebhookReceiver.Answer.of(204))) {
            Delivery delivery = Deliveries.to(new ContactPoint.Webhook(receiver.url(), SECRET), "ru");

            SendOutcome outcome = channel(Duration.ofSeconds(5)).send(delivery);

            assertThat(outcome).isEqualTo(new SendOutcome.Sent("HTTP 204"));
            assertThat(receiver.unverified()).isZero();
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(request.header("webhook-id")).isEqualTo("DL-7f3a");
            assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(5L));
            assertThat(request.header("webhook-signature")).startsWith("v1,");
            assertThat(request.header("content-type")).isEqualTo("application/json");

            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("delivery").asString()).isEqualTo("DL-7f3a");
            assertThat(body.path("kind").asString()).isEqualTo("alert");
            // the warning in the one shape the API gives it, every language's text in it
            assertThat(body.path("warning")).isEqualTo(JSON.valueToTree(io.forewarn.json.WarningView.of(delivery.warning())));
            assertThat(body.path("warning").path("valid-until").asString()).isEqualTo("2024-03-25T09:00:00Z");
            assertThat(body.path("warning").path("texts").path("ru").asString())
                    .startsWith("Предупреждение об угрозе безопасности: достоверная угроза жизни.");
            assertThat(request.body()).isEqualTo(new String(DeliveryBody.json(delivery), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReceiverHoldingAnotherSecretRefusesIt() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("another secret, also of 32 bytes".getBytes());
        try (WebhookReceiver receiver = new WebhookReceiver(other, request -> WebhookReceiver.Answer.of(204))) {
            SendOutcome outcome = channel(Duration.ofSeconds(5))
                    .send(Deliveries.to(new ContactPoint.Webhook(receiver.url(), SECRET), "en"));

            assertThat(receiver.unverified()).isEqualTo(1);
            assertThat(outcome).isEqualTo(SendOutcome.Failed.permanent("HTTP 401 from http://127.0.0.1:" + receiver.url().getPort()));
        }
    }

    @Test
    void everyRetryCarriesTheSameIdSoTheReceiverCanDropCopies() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, request -> WebhookReceiver.Answer.of(200))) {
            Delivery first = Deliveries.to(new ContactPoint.Webhook(receiver.url(), SECRET), "en");
            WebhookChannel channel = channel(Duration.ofSeconds(5));
            channel.send(first);
            channel.send(new Delivery(first.id(), first.kind(), first.warning(), first.partyId(), first.to(), first.languages(), 2));

            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly("DL-7f3a", "DL-7f3a");
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::body).containsOnly(receiver.received().get(0).body());
        }
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource({
            "200, sent",
            "202, sent",
            "410, permanent and disabled",
            "400, permanent",
            "403, permanent",
            "404, permanent",
            "422, permanent",
            "408, temporary",
            "429, temporary",
            "500, temporary",
            "502, temporary",
            "503, temporary"})
    void eachAnswerOfTheReceiverComesToWhatTheSchemeSays(int status, String expected) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, request -> WebhookReceiver.Answer.of(status))) {
            SendOutcome outcome = channel(Duration.ofSeconds(5))
                    .send(Deliveries.to(new ContactPoint.Webhook(receiver.url(), SECRET), "en"));

            String endpoint = "http://127.0.0.1:" + receiver.url().getPort();
            switch (expected) {
                case "sent" -> assertThat(outcome).isEqualTo(new SendOutcome.Sent("HTTP " + status));
                case "permanent and disabled" -> assertThat(outcome).isEqualTo(new SendOutcome.Failed(
                        "HTTP 410 from " + endpoint + ": the endpoint is gone", true, true, Optional.empty()));
                case "permanent" -> assertThat(outcome).isEqualTo(SendOutcome.Failed.permanent("HTTP " + status + " from " + endpoint));
                default -> assertThat(outcome).isEqualTo(SendOutcome.Failed.temporary("HTTP " + status + " from " + endpoint));
            }
        }
    }

    @Test
    void retryAfterInSecondsOrAsADateIsPassedOn() throws Exception {
        Instant now = Instant.now();
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(120).atZone(ZoneOffset.UTC));
        try (WebhookReceiver seconds = new WebhookReceiver(SECRET, r -> new WebhookReceiver.Answer(429, Map.of("Retry-After", "90")));
             WebhookReceiver date = new WebhookReceiver(SECRET, r -> new WebhookReceiver.Answer(503, Map.of("Retry-After", inTwoMinutes)))) {
            SendOutcome.Failed slowDown = (SendOutcome.Failed) channel(Duration.ofSeconds(5))
                    .send(Deliveries.to(new ContactPoint.Webhook(seconds.url(), SECRET), "en"));
            SendOutcome.Failed unavailable = (SendOutcome.Failed) channel(Duration.ofSeconds(5))
                    .send(Deliveries.to(new ContactPoint.Webhook(date.url(), SECRET), "en"));

            assertThat(slowDown.permanent()).isFalse();
            assertThat(slowDown.retryAfter()).contains(Duration.ofSeconds(90));
            assertThat(unavailable.permanent()).isFalse();
            assertThat(unavailable.retryAfter()).hasValueSatisfying(wait ->
                    assertThat(wait).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121)));
        }
    }

    @Test
    void aReceiverThatIsDownIsTemporary() {
        URI nowhere = URI.create("http://127.0.0.1:" + ClosedPort.any() + "/hooks");
        SendOutcome outcome = channel(Duration.ofSeconds(5)).send(Deliveries.to(new ContactPoint.Webhook(nowhere, SECRET), "en"));

        assertThat(outcome).isEqualTo(SendOutcome.Failed.temporary("cannot reach http://127.0.0.1:" + nowhere.getPort()
                + " (ConnectException)"));
    }

    @Test
    void aReceiverThatNeverAnswersIsTemporaryAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket client = silent.accept()) {
                    client.getInputStream().readAllBytes();
                } catch (IOException closed) {
                    // the test is over
                }
            });
            holder.setDaemon(true);
            holder.start();
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hooks");

            SendOutcome outcome = channel(Duration.ofSeconds(1)).send(Deliveries.to(new ContactPoint.Webhook(url, SECRET), "en"));

            assertThat(outcome).isEqualTo(SendOutcome.Failed.temporary("http://127.0.0.1:" + silent.getLocalPort()
                    + " did not answer within 1 s"));
        }
    }

    private static WebhookChannel channel(Duration timeout) {
        // the real clock: the receiver's verifier refuses a timestamp more than five minutes from its own
        return new WebhookChannel(WebhookChannel.client(Duration.ofSeconds(2)), DeliveryBody::json, timeout, Clock.systemUTC());
    }
}
