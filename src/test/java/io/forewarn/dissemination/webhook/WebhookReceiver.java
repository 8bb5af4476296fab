package io.forewarn.dissemination.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A webhook endpoint on 127.0.0.1, as a receiver would write one: it checks each request with the published Standard
 * Webhooks verifier ({@code com.standardwebhooks:standardwebhooks}), not with Forewarn's code, answers 401 when it
 * does not verify, and otherwise what the test scripts. It keeps every request it verified.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One verified request: its headers (lower-case names) and body. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.get(name).get(0);
        }
    }

    /** What to answer a verified request: a status and headers. */
    public record Answer(int status, Map<String, String> headers) {
        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int unverified;

    public WebhookReceiver(String secret, Function<Received, Answer> answer) throws IOException {
        Webhook verifier = new Webhook(secret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/forewarn", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            try {
                verifier.verify(body, headers);
            } catch (WebhookVerificationException e) {
                unverified++;
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            Received request = new Received(headers, body);
            received.add(request);
            Answer reply = answer.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/forewarn?tenant=plaza");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests whose signature the verifier refused. */
    public int unverified() {
        return unverified;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
