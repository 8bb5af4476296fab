package io.forewarn.web;

import io.forewarn.server.CaseDesk;
import io.forewarn.server.ForewarnServer;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and the domain metrics at /actuator/prometheus after a report, a draft the leak check blocks
 * and a warning issued: the obligations by state agree with the casebook, time-to-warn counted the
 * warning, the leak check's block was counted; neither metrics nor logs show protected material.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    /** A protected term that shows only where the public draft joins two facets: "attack." "Suspected perpetrators: terrorist group". */
    static final String JOINED_TERM = "attack suspected perpetrators terrorist group";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CaseDesk desk;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void prometheusShowsTheDomainMetricsAfterAReportAndADraft(CapturedOutput output) {
        for (String party : Reports.CROCUS_PARTIES) {
            assertThat(Http.call(port, ANALYST, "POST", "/api/v1/parties", "application/json", party).status())
                    .isEqualTo(201);
        }
        assertThat(post(Reports.crocus("R-1"))).isEqualTo(201);
        assertThat(post(Reports.crocus("R-2").replace("\"terms\": [\"NIGHTJAR\", \"TELEMARK-7\"]",
                "\"terms\": [\"NIGHTJAR\", \"TELEMARK-7\", \"" + JOINED_TERM + "\"]"))).isEqualTo(201);

        JsonNode blocked = JSON.readTree(call(ANALYST, "/api/v1/reports/R-2/drafts", "{\"audience\": \"public\"}"));
        assertThat(blocked.toString()).as("the public draft of R-2 is blocked by the leak check")
                .contains("the leak check blocks the text");
        String draft = JSON.readTree(call(ANALYST, "/api/v1/reports/R-1/drafts", "{\"audience\": \"own-citizens\"}"))
                .get("id").asString();
        call(APPROVER, "/api/v1/drafts/" + draft + "/approve", null);
        JsonNode issued = JSON.readTree(call(APPROVER, "/api/v1/drafts/" + draft + "/issue", null));
        int warned = issued.get("parties").size();

        String metrics = scrape();

        Map<ObligationState, Long> byState = desk.read(casebook -> casebook.obligations().stream()
                .collect(Collectors.groupingBy(Obligation::state, Collectors.counting())));
        assertThat(byState).as("the case has obligations to count").isNotEmpty();
        for (ObligationState state : ObligationState.values()) {
            assertThat(value(metrics, "forewarn_obligations{state=\"" + state.code() + "\"}"))
                    .as("obligations in state %s", state.code()).isEqualTo(byState.getOrDefault(state, 0L).doubleValue());
        }
        assertThat(value(metrics, "forewarn_obligations_overdue")).isZero();
        assertThat(value(metrics, "forewarn_time_to_warn_seconds_count")).as("obligations that got their first warning: %s", issued)
                .isEqualTo(warned).isEqualTo(1.0);
        assertThat(value(metrics, "forewarn_time_to_warn_seconds_bucket{le=\"900.0\"}")).isEqualTo(warned);
        assertThat(value(metrics, "forewarn_leak_check_blocks_total")).isEqualTo(1.0);

        // A new draft of the same text is blocked again, and counted again.
        call(ANALYST, "/api/v1/reports/R-2/drafts", "{\"audience\": \"public\"}");
        assertThat(value(scrape(), "forewarn_leak_check_blocks_total")).isEqualTo(2.0);

        List<String> secrets = Reports.PROTECTED.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        assertThat(metrics.toLowerCase(Locale.ROOT)).doesNotContain(secrets).doesNotContain(JOINED_TERM);
        assertThat(output.getAll().toLowerCase(Locale.ROOT)).doesNotContain(secrets).doesNotContain(JOINED_TERM);
    }

    @Test
    void healthIsUpWithTheDatabase() {
        Http.Reply health = Http.call(port, null, "GET", "/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void requestsAreTimedWithoutSpringSecurityObservingEachFilter() {
        assertThat(Http.call(port, ANALYST, "GET", "/api/v1/policy", null, null).status()).isEqualTo(200);

        String metrics = scrape();
        assertThat(value(metrics, "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/policy\"}")).isEqualTo(1.0);
        // off in application.yaml: a tenth of the request threads' CPU in a profile, for traces nobody collects
        assertThat(metrics.lines().filter(line -> line.startsWith("spring_security_"))).isEmpty();
    }

    /** A POST that must be answered 2xx; its body. */
    private String call(Role role, String path, String body) {
        Http.Reply answer = Http.call(port, role, "POST", path, body == null ? null : "application/json", body);
        assertThat(answer.status()).as("POST %s: %s", path, answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private int post(String report) {
        return Http.call(port, ANALYST, "POST", "/api/v1/reports", "application/json", report).status();
    }

    private String scrape() {
        Http.Reply answer = Http.call(port, null, "GET", "/actuator/prometheus", null, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The value of one sample, named with its labels exactly as exposed (other labels would follow the given ones). */
    static double value(String exposition, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)").matcher(exposition);
        assertThat(line.find()).as("the metrics show %s:%n%s", sample, exposition.lines()
                .filter(l -> l.startsWith("forewarn_")).collect(Collectors.joining("\n"))).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
