package io.forewarn.web;

import io.forewarn.Crocus;
import io.forewarn.server.ForewarnServer;
import io.forewarn.policy.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static io.forewarn.policy.Role.DIRECTOR;
import static io.forewarn.policy.Role.LIAISON;
import static io.forewarn.policy.Role.OVERSIGHT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role: allowed where the design allows, 403 naming the roles that may
 * elsewhere (404 on a path nothing answers, 405 for a method the path does not answer), 401 without a
 * login; and no role without need-to-know ever sees a protected term, source, method or portion.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiAccessTest {

    private static final Set<Role> CASE_READERS = EnumSet.of(ANALYST, APPROVER, DIRECTOR, LIAISON, OVERSIGHT);
    /** What no role may do: a path nothing answers (404), or a method the path does not answer (405). */
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    record Endpoint(String method, String path, String contentType, String body, Set<Role> allowed) {

        /** 403 naming the roles that may, where some may; else 405 for a known path, 404 for an unknown one. */
        int refusal() {
            if (!allowed.isEmpty()) {
                return 403;
            }
            return path.startsWith("/api/v1/no-such-thing") ? 404 : 405;
        }

        String refusalDetail() {
            return allowed.isEmpty() ? null : "your roles do not allow this; it needs one of: "
                    + allowed.stream().map(Role::code).collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/policy", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/policy/versions", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/policy/versions/3", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/policy", "application/yaml", Reports.policyVersion(4), EnumSet.of(DIRECTOR)),
                new Endpoint("GET", "/api/v1/reports", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/reports/R-1", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/reports", "application/json", Reports.crocus("R-2"), EnumSet.of(ANALYST)),
                new Endpoint("POST", "/api/v1/reports/R-1/revision", "application/json",
                        "{\"time\": {\"from\": \"2024-03-07T00:00+03:00\", \"to\": \"2099-03-31T00:00+03:00\"}}",
                        EnumSet.of(ANALYST)),
                new Endpoint("GET", "/api/v1/parties", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/parties/crocus-city-hall", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/parties", "application/json", Reports.venue("bolshoi-theatre"),
                        EnumSet.of(ANALYST, LIAISON)),
                new Endpoint("PUT", "/api/v1/parties/crocus-city-hall", "application/json", Reports.venue("crocus-city-hall"),
                        EnumSet.of(ANALYST, LIAISON)),
                new Endpoint("DELETE", "/api/v1/parties/kazan-public", null, null, EnumSet.of(ANALYST, LIAISON)),
                new Endpoint("POST", "/api/v1/parties/import", "text/csv",
                        "id,kind,audience,locality,country\nkazan-public,public,public,Kazan,RU\n", EnumSet.of(ANALYST, LIAISON)),
                new Endpoint("GET", "/api/v1/obligations", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/obligations?state=open&sort=deadline", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/obligations/R-1/crocus-city-hall", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/reports/R-1/drafts", "application/json", "{\"audience\": \"public\"}",
                        EnumSet.of(ANALYST)),
                new Endpoint("GET", "/api/v1/drafts", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/drafts/D-1", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/drafts/D-1/approve", null, null, EnumSet.of(APPROVER, DIRECTOR)),
                new Endpoint("POST", "/api/v1/drafts/D-1/issue", null, null, EnumSet.of(APPROVER, DIRECTOR)),
                new Endpoint("POST", "/api/v1/drafts/D-1/cancel", null, null, EnumSet.of(ANALYST, APPROVER, DIRECTOR)),
                new Endpoint("PUT", "/api/v1/drafts/D-1/text", "application/json",
                        "{\"text\": \"Security alert: avoid concert halls in Moscow.\"}", EnumSet.of(ANALYST)),
                new Endpoint("POST", "/api/v1/warnings/W-1/renewal", null, null, EnumSet.of(ANALYST)),
                new Endpoint("POST", "/api/v1/warnings/W-1/cancellation", "application/json",
                        "{\"reason\": \"the source withdrew the report\"}", EnumSet.of(APPROVER, DIRECTOR)),
                new Endpoint("GET", "/api/v1/warnings", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/warnings/W-1", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/obligations/R-1/public-moscow/delivery", "application/json",
                        "{\"channel\": \"public alert\"}", EnumSet.of(LIAISON)),
                new Endpoint("POST", "/api/v1/obligations/R-1/public-moscow/acknowledgement", null, null, EnumSet.of(LIAISON)),
                new Endpoint("POST", "/api/v1/obligations/R-1/ru-authorities/waivers", "application/json",
                        "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}",
                        EnumSet.of(ANALYST, APPROVER, DIRECTOR, LIAISON)),
                new Endpoint("POST", "/api/v1/waivers/X-1/approve", "application/json", "{\"note\": \"they know\"}",
                        EnumSet.of(APPROVER, DIRECTOR)),
                new Endpoint("POST", "/api/v1/waivers/X-1/reject", null, null, EnumSet.of(APPROVER, DIRECTOR)),
                new Endpoint("GET", "/api/v1/waivers", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/waivers/X-1", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/incidents", "application/json",
                        Reports.incident("crocus-city-hall-attack", "2024-03-22T19:58+03:00"), EnumSet.of(ANALYST, DIRECTOR)),
                new Endpoint("GET", "/api/v1/incidents", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/incidents/crocus-city-hall-attack", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/incidents/crocus-city-hall-attack/review", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/events", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/events?size=5", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/head", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/public-key", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/entries?size=5", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/entries/0/proof", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/consistency?from=1", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/ledger/export", null, null, CASE_READERS),
                new Endpoint("POST", "/api/v1/ledger/head", null, null, NOBODY),
                new Endpoint("POST", "/api/v1/scenario-runs?mode=as-recorded", "application/yaml", Crocus.SCENARIO_TEXT,
                        EnumSet.of(ANALYST, DIRECTOR, OVERSIGHT)),
                new Endpoint("POST", "/api/v1/tokens", null, null, CASE_READERS),
                new Endpoint("DELETE", "/api/v1/tokens/current", null, null, CASE_READERS),
                new Endpoint("GET", "/api/v1/no-such-thing", null, null, NOBODY),
                new Endpoint("DELETE", "/api/v1/reports/R-1", null, null, NOBODY));
    }

    @BeforeEach
    void theCrocusCaseIsOnFile() {
        // The context (and its database) is shared by the tests of this class: create once, then 409s.
        for (String party : Reports.CROCUS_PARTIES) {
            Http.call(port, ANALYST, "POST", "/api/v1/parties", "application/json", party);
        }
        Http.call(port, ANALYST, "POST", "/api/v1/reports", "application/json", Reports.crocus("R-1"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void eachRoleGetsWhatTheMatrixAllowsAndNothingElse(Endpoint endpoint) {
        List<String> wrong = new ArrayList<>();
        Http.Reply anonymous = call(endpoint, null);
        if (anonymous.status() != 401) {
            wrong.add("anonymous got " + anonymous.status());
        }
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        for (Role role : Role.values()) {
            Http.Reply answer = call(endpoint, role);
            boolean allowed = endpoint.allowed().contains(role);
            if (allowed && (answer.status() == 401 || answer.status() == 403)) {
                wrong.add(role.code() + " was refused with " + answer.status());
            }
            if (answer.status() >= 500) {
                wrong.add(role.code() + " got " + answer.status() + ": " + answer.body());
            }
            if (!allowed && answer.status() != endpoint.refusal()) {
                wrong.add(role.code() + " got " + answer.status() + " instead of " + endpoint.refusal());
            }
            if (!allowed && endpoint.refusalDetail() != null && !answer.detail().equals(endpoint.refusalDetail())) {
                wrong.add(role.code() + " was refused with '" + answer.detail() + "'");
            }
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as("%s as %s", endpoint, role).startsWith("application/problem+json");
            }
        }
        assertThat(wrong).as(endpoint.toString()).isEmpty();
    }

    @Test
    void aPathNothingAnswersIs404ToALoginAnd401ToAStranger() {
        Http.Reply stranger = Http.call(port, null, "GET", "/api/v1/no-such-thing", null, null);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.json().path("type").asString()).isEqualTo("urn:forewarn:problem:unauthenticated");

        for (String path : List.of("/api/v1/no-such-thing", "/api/v1/obligations/R-1/crocus-city-hall/and/more")) {
            Http.Reply answer = Http.call(port, ANALYST, "GET", path, null, null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asString()).as(path).isEqualTo("urn:forewarn:problem:not-found");
            assertThat(answer.detail()).as(path).isEqualTo("nothing answers here; the API is described at /v3/api-docs");
        }
    }

    @Test
    void aMethodThePathDoesNotAnswerIs405WithWhatItAnswers() {
        Http.Reply delete = Http.call(port, ANALYST, "DELETE", "/api/v1/reports/R-1", null, null);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).contains("GET");
        assertThat(delete.json().path("type").asString()).isEqualTo("urn:forewarn:problem:method-not-allowed");

        Http.Reply get = Http.call(port, LIAISON, "GET", "/api/v1/obligations/R-1/public-moscow/delivery", null, null);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).contains("POST");
        assertThat(get.contentType()).startsWith("application/problem+json");
        assertThat(get.detail()).isEqualTo("this resource answers POST only");
    }

    @Test
    void healthMetricsAndTheApiDocumentNeedNoLogin() {
        assertThat(Http.call(port, null, "GET", "/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(Http.call(port, null, "GET", "/actuator/prometheus", null, null).status()).isEqualTo(200);
        assertThat(Http.call(port, null, "GET", "/v3/api-docs", null, null).status()).isEqualTo(200);
        assertThat(Http.call(port, null, "GET", "/v3/api-docs.yaml", null, null).body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void noRoleWithoutNeedToKnowSeesProtectedMaterial() {
        for (Role role : Role.values()) {
            for (String path : List.of("/api/v1/reports/R-1", "/api/v1/reports", "/api/v1/obligations", "/api/v1/drafts",
                    "/api/v1/warnings", "/api/v1/waivers", "/api/v1/events?size=500",
                    "/api/v1/ledger/entries?size=500", "/api/v1/ledger/export")) {
                Http.Reply answer = Http.call(port, role, "GET", path, null, null);
                String body = answer.body().toLowerCase(Locale.ROOT);
                if (role.mayReadProtectedMaterial()) {
                    if (path.startsWith("/api/v1/reports")) {
                        assertThat(body).as("%s reads %s", role, path).contains(Reports.PROTECTED.get(0).toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                for (String secret : Reports.PROTECTED) {
                    assertThat(body).as("%s reads %s", role, path).doesNotContain(secret.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private Http.Reply call(Endpoint endpoint, Role role) {
        return Http.call(port, role, endpoint.method(), endpoint.path(), endpoint.contentType(), endpoint.body());
    }
}
