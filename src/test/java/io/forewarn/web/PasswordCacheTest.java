package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.policy.Role;
import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

/**
 * HTTP Basic through the cache of checked passwords: a second request of the same login and password
 * costs no bcrypt; a wrong password, or a name that is no login, costs one every time and is never
 * remembered; a login that changes is forgotten at once, and the others stay remembered. The bcrypt
 * checks are counted on the server's {@link PasswordEncoder}.
 */
@SpringBootTest(classes = ForewarnServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordCacheTest {

    private static final Path LOGINS = ServerUnderTest.temporaryDirectory().resolve("logins.yaml");
    private static final String REPEATED_PASSWORD = "the password of the repeating login";
    private static final String WRONGED_PASSWORD = "the password of the login tried wrongly";
    private static final String CHANGING_PASSWORD = "the password of the login that changes";
    private static final String STEADY_PASSWORD = "the password of the login that stays";
    private static final ServerUnderTest.Login REPEATING = login("repeating", REPEATED_PASSWORD, Role.ANALYST);
    private static final ServerUnderTest.Login WRONGED = login("wronged", WRONGED_PASSWORD, Role.ANALYST);
    private static final ServerUnderTest.Login CHANGING = login("changing", CHANGING_PASSWORD, Role.ANALYST);
    private static final ServerUnderTest.Login STEADY = login("steady", STEADY_PASSWORD, Role.ANALYST);

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, REPEATING, WRONGED, CHANGING, STEADY);
        ServerUnderTest.followLogins(registry, LOGINS, logins(CHANGING));
    }

    @BeforeEach
    void countFromZero() {
        clearInvocations(encoder);
    }

    @Test
    void aSecondRequestWithTheSamePasswordCostsNoBcrypt() {
        for (int i = 0; i < 5; i++) {
            assertThat(get(REPEATING.name(), REPEATED_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        }
        assertThat(checks(REPEATED_PASSWORD)).as("bcrypt checks for five requests").isEqualTo(1);

        assertThat(Http.post(port, null, "/api/v1/tokens", null, (String) null,
                "Authorization", Http.basic(REPEATING.name(), REPEATED_PASSWORD)).status()).isEqualTo(200);
        assertThat(checks(REPEATED_PASSWORD)).as("a token for a remembered password").isEqualTo(1);
    }

    @Test
    void aWrongPasswordOrAnUnknownNameCostsABcryptEveryTime() {
        for (int i = 1; i <= 3; i++) {
            Http.Reply refused = Http.callWith(port, Http.basic(WRONGED.name(), "a wrong password"), "GET", "/api/v1/policy",
                    null, null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(checks("a wrong password")).as("bcrypt checks after %d wrong passwords", i).isEqualTo(i);
        }
        for (int i = 1; i <= 2; i++) {
            assertThat(get("nobody-by-this-name", WRONGED_PASSWORD, "/api/v1/policy")).isEqualTo(401);
            assertThat(checks(WRONGED_PASSWORD)).as("bcrypt checks of a name that is no login").isEqualTo(i);
        }
        assertThat(get(WRONGED.name(), WRONGED_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        assertThat(get(WRONGED.name(), WRONGED_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        assertThat(checks(WRONGED_PASSWORD)).as("the right password after them, twice").isEqualTo(3);
    }

    @Test
    void aLoginThatChangesIsForgottenAtOnceAndTheOthersAreNot() {
        assertThat(post(CHANGING.name(), CHANGING_PASSWORD, Reports.crocus("C-1"))).isEqualTo(201);
        assertThat(get(STEADY.name(), STEADY_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        assertThat(checks(CHANGING_PASSWORD) + checks(STEADY_PASSWORD)).isEqualTo(2);

        // the same password, another role: what was remembered of the login must not grant the old one
        ServerUnderTest.writeLogins(LOGINS, logins(new ServerUnderTest.Login(CHANGING.name(), CHANGING.passwordHash(),
                Role.OVERSIGHT)));

        Poll.until(Duration.ofSeconds(10), () -> post(CHANGING.name(), CHANGING_PASSWORD, Reports.crocus("C-2")) == 403,
                () -> "the changed login still acts as an analyst");
        assertThat(get(CHANGING.name(), CHANGING_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        assertThat(checks(CHANGING_PASSWORD)).as("the changed login was checked with bcrypt again, once").isEqualTo(2);
        assertThat(get(STEADY.name(), STEADY_PASSWORD, "/api/v1/policy")).isEqualTo(200);
        assertThat(checks(STEADY_PASSWORD)).as("the unchanged login is still remembered").isEqualTo(1);
    }

    /** How many times the encoder checked this password since the test began. */
    private long checks(String password) {
        return mockingDetails(encoder).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("matches") && password.equals(call.getArgument(0).toString()))
                .count();
    }

    private int get(String login, String password, String path) {
        return Http.callWith(port, Http.basic(login, password), "GET", path, null, null).status();
    }

    private int post(String login, String password, String report) {
        return Http.callWith(port, Http.basic(login, password), "POST", "/api/v1/reports", "application/json", report).status();
    }

    private static ServerUnderTest.Login login(String name, String password, Role role) {
        return new ServerUnderTest.Login(name, ServerUnderTest.hash(password), role);
    }

    private static ServerUnderTest.Login[] logins(ServerUnderTest.Login changing) {
        List<ServerUnderTest.Login> all = new ArrayList<>(List.of(ServerUnderTest.everyRole()));
        all.addAll(List.of(REPEATING, WRONGED, changing, STEADY));
        return all.toArray(ServerUnderTest.Login[]::new);
    }
}
