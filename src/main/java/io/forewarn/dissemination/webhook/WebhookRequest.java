package io.forewarn.dissemination.webhook;

import io.forewarn.dissemination.Delivery;
import io.forewarn.party.ContactPoint;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request a webhook delivery is: a POST of the JSON body to the endpoint's URL, signed per Standard Webhooks with
 * the endpoint's secret. The webhook channel sends it; a replay writes it as it would have been sent
 * ({@link WebhookFiles}). It holds the signature, never the secret.
 *
 * @param headers in the order they are written, names as HTTP/2 writes them (lower case)
 */
public record WebhookRequest(URI url, Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** The signed request of a delivery to its endpoint, stamped with {@code timestamp} (epoch seconds). */
    public static WebhookRequest of(Delivery delivery, ContactPoint.Webhook webhook, byte[] body, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put(WebhookSignature.ID, delivery.id());
        headers.put(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE, WebhookSignature.sign(webhook.key(), delivery.id(), timestamp, body));
        return new WebhookRequest(webhook.url(), headers, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The request as HTTP/1.1 writes it on the wire: request line, host, headers, a blank line, the body. */
    public byte[] http() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path)
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("host: ").append(url.getHost()).append(url.getPort() < 0 ? "" : ":" + url.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("content-length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
