package io.forewarn.web;

import io.forewarn.policy.Role;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * A server on a random port with a fresh in-memory H2 database and one login per role, each named
 * after its role, and the HTTP calls tests make against it.
 */
final class ServerUnderTest {

    static final String PASSWORD = "correct horse battery staple";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerUnderTest() {
    }

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("FOREWARN_DB_URL", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("forewarn.timezone", () -> "Europe/Moscow");
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            String prefix = "forewarn.users[" + i + "].";
            String name = roles[i].code();
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "password-hash", () -> HASH);
            registry.add(prefix + "roles[0]", () -> name);
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    /** A call as the login of {@code role}, or anonymous when it is null. */
    static Answer call(int port, Role role, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (role != null) {
            String credentials = role.name().toLowerCase(Locale.ROOT) + ":" + PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Answer callWithBytes(int port, Role role, String path, byte[] body) {
        String credentials = role.code() + ":" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Answer send(HttpRequest request, HttpResponse.BodyHandler<String> handler) {
        try {
            HttpResponse<String> response = HTTP.send(request, handler);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the call to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
