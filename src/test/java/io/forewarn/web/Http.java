package io.forewarn.web;

import io.forewarn.policy.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one HTTP client of the tests that talk to a Forewarn server on 127.0.0.1: as a role, as any
 * login by name (with the test password of {@link ServerUnderTest}) or anonymously; with a JSON or
 * any other body, as text or bytes; with request headers given as name, value pairs (a name may
 * come twice); answered with the status, the headers, the body and the body read as JSON.
 */
public final class Http {

    /** HTTP/1.1, so no request asks to upgrade; a server that is killed mid-test fails a call, never hangs it. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    public record Reply(int status, HttpHeaders headers, String body) {

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as JSON; a null node for an empty body. */
        public JsonNode json() {
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The detail of a problem+json body. */
        public String detail() {
            return json().path("detail").asString();
        }
    }

    /** The reply, asserted to have {@code status}; its body is what a failure shows. */
    public static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    /** The reply, asserted to be a problem+json of {@code status}. */
    public static Reply problem(int status, Reply reply) {
        expect(status, reply);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply;
    }

    /** A call as the login of {@code role}, or anonymous when it is null. */
    public static Reply call(int port, Role role, String method, String path, String contentType, String body) {
        return callAs(port, role == null ? null : role.code(), method, path, contentType, body);
    }

    /** A call as the login named {@code login}, or anonymous when it is null, with header name, value pairs. */
    public static Reply callAs(int port, String login, String method, String path, String contentType, String body,
                               String... headers) {
        return send(request(port, login, method, path, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers));
    }

    public static Reply get(int port, String login, String path, String... headers) {
        return callAs(port, login, "GET", path, null, null, headers);
    }

    public static Reply post(int port, String login, String path, String contentType, String body, String... headers) {
        return callAs(port, login, "POST", path, contentType, body, headers);
    }

    public static Reply post(int port, String login, String path, String contentType, byte[] body, String... headers) {
        return send(request(port, login, "POST", path, contentType, body, headers));
    }

    /** A request as {@code login} (null: anonymous), to finish and {@link #send} when the calls above do not fit. */
    public static HttpRequest.Builder request(int port, String login, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
        if (login != null) {
            request.header("Authorization", basic(login));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    static HttpRequest request(int port, String login, String method, String path, String contentType, byte[] body,
                               String... headers) {
        HttpRequest.Builder request = request(port, login, path, headers)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    /** The Authorization header of {@code login} with the test password. */
    public static String basic(String login) {
        return basic(login, ServerUnderTest.PASSWORD);
    }

    /** The Authorization header of {@code login} with {@code password}. */
    public static String basic(String login, String password) {
        String credentials = login + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization header of a bearer token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A call with this Authorization header (null: none) and header name, value pairs. */
    public static Reply callWith(int port, String authorization, String method, String path, String contentType, String body,
                                 String... headers) {
        String[] all = authorization == null ? headers : concat(headers, "Authorization", authorization);
        return callAs(port, null, method, path, contentType, body, all);
    }

    /** A bearer token for {@code login} (test password) from {@code POST /api/v1/tokens}; anything but 200 fails. */
    public static String token(int port, String login) {
        Reply answer = post(port, login, "/api/v1/tokens", null, (String) null);
        if (answer.status() != 200) {
            throw new AssertionError("POST /api/v1/tokens as " + login + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().get("access_token").asString();
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** Sends a request; no answer fails the test. */
    public static Reply send(HttpRequest request) {
        try {
            return exchange(request);
        } catch (IOException e) {
            throw new IllegalStateException("the call to " + request.uri() + " failed", e);
        }
    }

    /** Sends a request; an IOException means no answer came (the server is gone, say). */
    public static Reply exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
