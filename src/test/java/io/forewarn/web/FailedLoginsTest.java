package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Failed logins, limited here to 3 per login name and 6 per client address in 5 minutes: the failure
 * that reaches a limit is still a 401, every password after it (right or wrong) a 429 problem with
 * Retry-After and no bcrypt check; each lock-out is logged once and counted by scope in
 * {@code forewarn_login_lockouts_total}; a bearer token taken before keeps working. With the security
 * and Forewarn loggers at DEBUG, no password, credential header, hash or token shows in any log line.
 */
@SpringBootTest(classes = ForewarnServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.springframework.security=DEBUG", "logging.level.io.forewarn=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginsTest {

    private static final String WRONG = "a wrong password, tried again and again";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.logins.failures.per-login", () -> "3");
        registry.add("forewarn.logins.failures.per-address", () -> "6");
        registry.add("forewarn.logins.failures.window", () -> "PT5M");
    }

    @Test
    void aLoginAndThenAnAddressAreLockedOutAfterTheirLimits(CapturedOutput output) {
        String token = Http.token(port, "oversight");
        assertThat(lockouts("login")).isZero();
        assertThat(lockouts("address")).isZero();

        for (int i = 1; i <= 3; i++) {
            assertThat(wrong("analyst").status()).as("wrong password %d of analyst", i).isEqualTo(401);
        }
        clearInvocations(encoder);
        Http.Reply locked = wrong("analyst");
        assertLockedOut(locked, "too many failed logins for this login; try again in ");
        assertLockedOut(Http.get(port, "analyst", "/api/v1/policy"), "too many failed logins for this login; try again in ");
        verify(encoder, never()).matches(any(), anyString());
        assertThat(lockouts("login")).isEqualTo(1.0);
        assertThat(Http.get(port, "approver", "/api/v1/policy").status()).as("another login").isEqualTo(200);

        // three more failures from this address, by two names (one no login at all): its limit of six
        assertThat(wrong("approver").status()).isEqualTo(401);
        assertThat(wrong("approver").status()).isEqualTo(401);
        assertThat(wrong("nobody-by-this-name").status()).isEqualTo(401);
        assertLockedOut(Http.get(port, "director", "/api/v1/policy"), "too many failed logins for this address; try again in ");
        assertThat(lockouts("address")).isEqualTo(1.0);
        assertThat(lockouts("login")).as("approver failed twice only").isEqualTo(1.0);

        Http.Reply withToken = Http.callWith(port, Http.bearer(token), "GET", "/api/v1/policy", null, null);
        assertThat(withToken.status()).as("a token taken before the lock-out").isEqualTo(200);

        String logs = output.getAll();
        assertThat(logs.lines().filter(line -> line.contains("failed logins: login 'analyst' locked out for PT5M after 3 wrong passwords")))
                .hasSize(1);
        assertThat(logs.lines().filter(line -> line.contains("failed logins: address 127.0.0.1 locked out for PT5M after 6 wrong passwords")))
                .hasSize(1);
        assertThat(logs).doesNotContain("nobody-by-this-name");
        List<String> secrets = new ArrayList<>(List.of(WRONG, ServerUnderTest.PASSWORD, ServerUnderTest.HASH, token,
                token.substring(token.lastIndexOf('.') + 1)));
        for (String login : List.of("analyst", "approver", "director", "oversight", "nobody-by-this-name")) {
            secrets.add(Http.basic(login).substring("Basic ".length()));
            secrets.add(Base64.getEncoder().encodeToString((login + ":" + WRONG).getBytes(StandardCharsets.UTF_8)));
        }
        for (String secret : secrets) {
            assertThat(logs).as("the log lines").doesNotContain(secret);
        }
        assertThat(logs).as("the DEBUG lines of Spring Security are in the capture").contains("o.s.s.");
    }

    private Http.Reply wrong(String login) {
        return Http.callWith(port, Http.basic(login, WRONG), "GET", "/api/v1/policy", null, null);
    }

    private static void assertLockedOut(Http.Reply answer, String detail) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:forewarn:problem:too-many-failed-logins");
        long retryAfter = Long.parseLong(answer.header("Retry-After").orElseThrow());
        assertThat(retryAfter).as("seconds left of the 5-minute window").isBetween(240L, 300L);
        assertThat(answer.detail()).isEqualTo(detail + retryAfter + " s");
    }

    private double lockouts(String scope) {
        return ObservabilityTest.value(Http.get(port, null, "/actuator/prometheus").body(),
                "forewarn_login_lockouts_total{scope=\"" + scope + "\"}");
    }
}
