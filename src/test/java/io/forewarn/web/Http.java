package io.forewarn.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP calls for the web tests that need more than {@link ServerUnderTest#call}: any login (by name,
 * with the test password), request headers, raw bytes, and the answer's headers.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        String contentType() {
            return header("Content-Type").orElse("");
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    static Reply post(int port, String login, String path, String contentType, String body, String... headers) {
        return post(port, login, path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A POST as {@code login} (null: anonymous) with the given header name, value pairs. */
    static Reply post(int port, String login, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(port, login, path, headers)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    static Reply get(int port, String login, String path) {
        return send(request(port, login, path).GET().build());
    }

    private static HttpRequest.Builder request(int port, String login, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (login != null) {
            String credentials = login + ":" + ServerUnderTest.PASSWORD;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the call to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
