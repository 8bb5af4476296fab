package io.forewarn.web;

import io.forewarn.policy.Role;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * A server on a random port with a fresh in-memory H2 database and one login per role, each named
 * after its role, and the HTTP calls tests make against it.
 */
public final class ServerUnderTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);
    /** The data directory of every server in this JVM (the ledger's keys, its witness file), never the project's. */
    static final Path DATA = temporaryDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerUnderTest() {
    }

    /** A login with more than one role, beside the one-role logins every server has. */
    public record Login(String name, Role... roles) {
    }

    public static void properties(DynamicPropertyRegistry registry, Login... extra) {
        registry.add("FOREWARN_DB_URL", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("forewarn.timezone", () -> "Europe/Moscow");
        registry.add("forewarn.data-dir", DATA::toString);
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            login(registry, i, new Login(roles[i].code(), roles[i]));
        }
        for (int i = 0; i < extra.length; i++) {
            login(registry, roles.length + i, extra[i]);
        }
    }

    private static void login(DynamicPropertyRegistry registry, int index, Login login) {
        String prefix = "forewarn.users[" + index + "].";
        registry.add(prefix + "name", login::name);
        registry.add(prefix + "password-hash", () -> HASH);
        for (int r = 0; r < login.roles().length; r++) {
            String role = login.roles()[r].code();
            registry.add(prefix + "roles[" + r + "]", () -> role);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("forewarn-test-data-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Answer(int status, String contentType, String body) {
    }

    /** A call as the login of {@code role}, or anonymous when it is null. */
    public static Answer call(int port, Role role, String method, String path, String contentType, String body) {
        return callAs(port, role == null ? null : role.name().toLowerCase(Locale.ROOT), method, path, contentType, body);
    }

    /** A call as the login named {@code login}, or anonymous when it is null. */
    static Answer callAs(int port, String login, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (login != null) {
            String credentials = login + ":" + PASSWORD;
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
