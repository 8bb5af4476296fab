package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.dissemination.ScriptedChannel;
import io.forewarn.dissemination.ScriptedChannel.Behaviour;
import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning whose validity ends while its email receiver is down is not sent once the receiver is back: as sent, it
 * would warn of nothing in force. Its email delivery is dead-lettered ("not sent: its warning ended before it went
 * out"), its liaison delivery, never carried, is withdrawn when the sweep expires the obligation, and the obligation
 * reads expired, not covered. The policy here makes a warning valid for four seconds.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class,
        WarningEndedUnsentTest.Channels.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WarningEndedUnsentTest {

    static final ScriptedChannel EMAIL = new ScriptedChannel("email");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {
        @Bean
        ScriptedChannel email() {
            return EMAIL;
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.policy", () -> shortLivedWarnings().toString());
        registry.add("forewarn.delivery.interval", () -> "PT0.05S");
        registry.add("forewarn.scheduler.interval", () -> "PT0.2S");
        // the failures open the email channel's circuit; tried again soon, not after the default 30 s
        registry.add("forewarn.delivery.breaker-wait", () -> "PT0.2S");
    }

    /** The default policy with warnings valid for four seconds, retried often enough to be tried before they end. */
    static Path shortLivedWarnings() {
        return ServerUnderTest.policyFile("validity", "PT4S", "renewal", "{before-expiry: PT1S}",
                "delivery", "{max-attempts: 100, base-backoff: PT0.2S, max-backoff: PT0.5S}");
    }

    @Test
    void aWarningThatEndsDuringAnOutageIsNotSentAfterIt() {
        EMAIL.forget();
        EMAIL.everywhere(Behaviour.DOWN);
        expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", """
                {"id": "public-moscow", "kind": "public", "audience": "public",
                 "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"},
                 "contacts": [{"kind": "email", "address": "desk@broadcaster.example"},
                              {"kind": "liaison", "address": "city liaison desk"}]}"""));
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"public\"}")).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
        String warning = expect(201, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", null,
                (String) null)).json().path("id").asString();

        // the receiver is back once the warning has ended: nothing reaches it
        Instant validUntil = Instant.parse(expect(200, Http.get(port, "oversight", "/api/v1/warnings/" + warning))
                .json().path("valid-until").asString());
        Poll.until(PATIENCE, () -> Instant.now().isAfter(validUntil), () -> "the clock did not pass " + validUntil);
        EMAIL.everywhere(Behaviour.TAKE);
        Poll.until(PATIENCE, () -> deliveries(warning).stream()
                .allMatch(d -> d.path("state").asString().equals("dead-lettered")), () -> "deliveries: " + deliveries(warning));

        List<JsonNode> deliveries = deliveries(warning);
        assertThat(deliveries).extracting(d -> d.path("channel").asString()).containsExactly("email", "liaison");
        assertThat(deliveries.get(0).path("attempts")).last().satisfies(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("dead-lettered");
            assertThat(a.path("detail").asString()).isEqualTo("not sent: its warning ended before it went out");
        });
        assertThat(deliveries.get(0).path("attempts")).extracting(a -> a.path("outcome").asString()).doesNotContain("sent");
        assertThat(deliveries.get(1).path("attempts")).singleElement().satisfies(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("dead-lettered");
            assertThat(a.path("detail").asString())
                    .isEqualTo("not carried: its warning ended before liaison recorded carrying it");
        });
        assertThat(EMAIL.received()).as("tried while it was down, if at all; never taken")
                .noneMatch(ScriptedChannel.Received::taken);
        Poll.until(PATIENCE, () -> "expired".equals(state()), () -> "obligation: " + state());
        assertThat(Events.ofType(port, "delivery-dead-lettered")).extracting(
                e -> e.path("summary").asString()).anySatisfy(summary -> assertThat(summary)
                .endsWith("over email dead-lettered after " + deliveries.get(0).path("attempts").size()
                        + (deliveries.get(0).path("attempts").size() == 1 ? " attempt" : " attempts")
                        + ": not sent: its warning ended before it went out"));
        assertThat(Events.ofType(port, "warning-expired")).singleElement()
                .satisfies(e -> assertThat(e.path("subject").asString()).isEqualTo("R-1/public-moscow"));
    }

    private List<JsonNode> deliveries(String warning) {
        List<JsonNode> all = new ArrayList<>();
        expect(200, Http.get(port, "oversight", "/api/v1/warnings/" + warning + "/deliveries")).json().path("items")
                .forEach(all::add);
        return all;
    }

    private String state() {
        return Http.get(port, "oversight", "/api/v1/obligations/R-1/public-moscow").json().path("state").asString();
    }
}
