package io.forewarn.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.forewarn.Poll;
import io.forewarn.policy.Role;
import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forewarn's bearer tokens on the API: issued for a password, acting in the login's roles and no other;
 * refused with 401 problem+json once expired, tampered with, signed with another key, revoked by logout,
 * or when their login's password changed.
 */
@SpringBootTest(classes = ForewarnServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenTest {

    private static final Path LOGINS = ServerUnderTest.temporaryDirectory().resolve("logins.yaml");
    /** A login whose password the test changes, and one that stays as it is. */
    private static final ServerUnderTest.Login CHANGING = new ServerUnderTest.Login("changing", Role.LIAISON);
    private static final ServerUnderTest.Login STEADY = new ServerUnderTest.Login("steady", Role.LIAISON);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, CHANGING, STEADY);
        ServerUnderTest.followLogins(registry, LOGINS, logins(CHANGING));
    }

    private static ServerUnderTest.Login[] logins(ServerUnderTest.Login changing) {
        List<ServerUnderTest.Login> all = new java.util.ArrayList<>(List.of(ServerUnderTest.everyRole()));
        all.add(changing);
        all.add(STEADY);
        return all.toArray(ServerUnderTest.Login[]::new);
    }

    @Test
    void aTokenIsIssuedForAPasswordInTheShapeOfOAuth() {
        Http.Reply answer = Http.post(port, "analyst", "/api/v1/tokens", null, (String) null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).hasValue("no-store");
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        JWTClaimsSet claims = claims(body.get("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("analyst");
        assertThat(claims.getIssuer()).isEqualTo("forewarn");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("analyst"));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.toString()).as("the claims hold no password hash").doesNotContain(ServerUnderTest.HASH)
                .doesNotContain(ServerUnderTest.HASH.substring(7));
    }

    @Test
    void aTokenActsInItsLoginsRoleAndNoOther() {
        String analyst = Http.token(port, "analyst");
        String oversight = Http.token(port, "oversight");

        assertThat(call(analyst, "GET", "/api/v1/policy", null).status()).isEqualTo(200);
        assertThat(call(analyst, "POST", "/api/v1/reports", Reports.crocus("T-1")).status()).isEqualTo(201);
        assertThat(call(analyst, "POST", "/api/v1/policy", Reports.policyVersion(4)).status()).isEqualTo(403);
        assertThat(call(analyst, "POST", "/api/v1/waivers/X-1/approve", "{}").status()).isEqualTo(403);

        assertThat(call(oversight, "GET", "/api/v1/reports/T-1", null).status()).isEqualTo(200);
        Http.Reply refused = call(oversight, "POST", "/api/v1/reports", Reports.crocus("T-2"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        JsonNode received = StreamSupport.stream(Http.get(port, "oversight", "/api/v1/events?size=500").json().get("items")
                        .spliterator(), false)
                .filter(event -> event.get("type").asString().equals("report-received")
                        && event.get("subject").asString().equals("T-1"))
                .findFirst().orElseThrow();
        assertThat(received.get("actor").asString()).as("the login recorded for a request with a token").isEqualTo("analyst");
    }

    @Test
    void aTokenCannotGetAnotherToken() {
        Http.Reply answer = call(Http.token(port, "analyst"), "POST", "/api/v1/tokens", null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.detail()).isEqualTo("a token is issued for a login name and password (HTTP Basic), not for another token");
    }

    @Test
    void anExpiredTamperedOrForeignTokenIsRefusedWith401Problem() {
        String token = Http.token(port, "approver");
        Instant now = Instant.now();
        // the control: the server's claims re-signed with the server's key are accepted
        assertThat(call(resigned(token, claims -> claims), "GET", "/api/v1/policy", null).status()).isEqualTo(200);

        String expired = resigned(token, claims -> new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(16)))).expirationTime(Date.from(now.minusSeconds(60))).build());
        String director = tampered(token, payload -> payload.replace("\"approver\"]", "\"director\"]"));
        String foreign = resigned(token, UnaryOperator.identity(), "another key of thirty-two bytes or more, not ours!!");
        String unsigned = new PlainJWT(claims(token)).serialize();
        for (String refused : List.of(expired, director, foreign, unsigned, token.substring(0, token.length() - 2),
                "not-a-token")) {
            Http.Reply answer = call(refused, "GET", "/api/v1/policy", null);
            assertThat(answer.status()).as(refused).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:forewarn:problem:invalid-token");
        }
        assertThat(director).as("the tampered token claims another role").isNotEqualTo(token);
        assertThat(call(token, "GET", "/api/v1/policy", null).status()).as("the token itself").isEqualTo(200);
    }

    @Test
    void logoutRevokesTheTokenItIsSentWithAndNoOther() {
        String first = Http.token(port, "director");
        String second = Http.token(port, "director");

        assertThat(call(first, "DELETE", "/api/v1/tokens/current", null).status()).isEqualTo(204);

        Http.Reply refused = call(first, "GET", "/api/v1/policy", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(call(first, "DELETE", "/api/v1/tokens/current", null).status()).as("a second logout").isEqualTo(401);
        assertThat(call(second, "GET", "/api/v1/policy", null).status()).isEqualTo(200);

        Http.Reply withPassword = Http.callAs(port, "director", "DELETE", "/api/v1/tokens/current", null, null);
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aChangedPasswordEndsTheTokensOfThatLoginOnly() {
        String changing = Http.token(port, CHANGING.name());
        String steady = Http.token(port, STEADY.name());
        assertThat(call(changing, "GET", "/api/v1/policy", null).status()).isEqualTo(200);

        String newPassword = "a new password for the changing login";
        ServerUnderTest.writeLogins(LOGINS, logins(new ServerUnderTest.Login(CHANGING.name(),
                ServerUnderTest.hash(newPassword), Role.LIAISON)));

        Poll.until(Duration.ofSeconds(10), () -> call(changing, "GET", "/api/v1/policy", null).status() == 401,
                () -> "the token of the login whose password changed is still accepted");
        Http.Reply refused = call(changing, "GET", "/api/v1/policy", null);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(call(steady, "GET", "/api/v1/policy", null).status()).isEqualTo(200);
        assertThat(Http.get(port, CHANGING.name(), "/api/v1/policy").status()).as("the old password").isEqualTo(401);
        assertThat(Http.callWith(port, Http.basic(CHANGING.name(), newPassword), "GET", "/api/v1/policy", null, null).status())
                .as("the new password").isEqualTo(200);
    }

    private Http.Reply call(String token, String method, String path, String body) {
        String contentType = body == null ? null : path.equals("/api/v1/policy") ? "application/yaml" : "application/json";
        return Http.callWith(port, Http.bearer(token), method, path, contentType, body);
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + e.getMessage(), e);
        }
    }

    /** The token's claims, changed, signed again with the server's key ({@code token.key} in the data directory). */
    private static String resigned(String token, UnaryOperator<JWTClaimsSet> change) {
        return resigned(token, change, null);
    }

    private static String resigned(String token, UnaryOperator<JWTClaimsSet> change, String otherKey) {
        try {
            byte[] key = otherKey != null ? otherKey.getBytes(StandardCharsets.US_ASCII)
                    : Base64.getDecoder().decode(Files.readString(ServerUnderTest.DATA.resolve("token.key")).strip());
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims(token)));
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its payload changed and its signature kept. */
    private static String tampered(String token, UnaryOperator<String> change) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }
}
