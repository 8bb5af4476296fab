package io.forewarn.dissemination.webhook;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.party.ContactPoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Warnings to webhook endpoints, signed per Standard Webhooks 1.0: {@code webhook-id} is the delivery's id (the
 * same on every retry, so a receiver drops a copy it has seen), {@code webhook-timestamp} the moment of this attempt,
 * {@code webhook-signature} its {@code v1} HMAC with the endpoint's secret. Any receiver that checks the scheme with
 * its published verifiers accepts it unmodified.
 *
 * <p>The answer decides what happens next: a 2xx is sent; 410 Gone is permanent and disables the endpoint (its owner
 * took it down); any other 4xx but 408 and 429 is permanent (the same request would meet it again); 408, 429, a 5xx,
 * a timeout or a broken connection is temporary, and a {@code Retry-After} the endpoint sent is passed on.
 */
public final class WebhookChannel implements Channel {

    private final HttpClient client;
    private final WebhookBody body;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param client  an HTTP client with its connect timeout set; it must not follow redirects (a signed request is
     *                for the URL its owner registered)
     * @param timeout how long one request may take in all before it counts as a temporary failure
     */
    public WebhookChannel(HttpClient client, WebhookBody body, Duration timeout, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.body = Objects.requireNonNull(body, "body");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A client for this channel: a bounded connect, HTTP/1.1 or 2 as the endpoint offers, no redirects followed. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        if (!(delivery.to() instanceof ContactPoint.Webhook webhook)) {
            return SendOutcome.Failed.notCarried(this, delivery, "webhook endpoints");
        }
        WebhookRequest signed = WebhookRequest.of(delivery, webhook, body.of(delivery), clock.instant().getEpochSecond());
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.url()).timeout(timeout);
        signed.headers().forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build();
        String endpoint = endpoint(webhook.url());
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return outcome(response.statusCode(), response.headers().firstValue("Retry-After"), endpoint);
        } catch (HttpTimeoutException slow) {
            return SendOutcome.Failed.temporary(endpoint + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException broken) {
            return SendOutcome.Failed.temporary("cannot reach " + endpoint + " (" + broken.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return SendOutcome.Failed.temporary("sending to " + endpoint + " was interrupted");
        }
    }

    SendOutcome outcome(int status, Optional<String> retryAfter, String endpoint) {
        String answer = "HTTP " + status + " from " + endpoint;
        if (status >= 200 && status < 300) {
            return new SendOutcome.Sent("HTTP " + status);
        }
        if (status == 410) {
            return new SendOutcome.Failed(answer + ": the endpoint is gone", true, true, Optional.empty());
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return SendOutcome.Failed.permanent(answer);
        }
        return new SendOutcome.Failed(answer, false, false, RetryAfter.parse(retryAfter, clock.instant()));
    }

    /** The endpoint as a reason may name it: scheme, host and port, never a path or query that may carry a token. */
    private static String endpoint(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
