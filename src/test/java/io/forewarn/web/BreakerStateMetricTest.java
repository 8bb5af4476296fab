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

import java.time.Duration;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each channel's circuit breaker state is a Prometheus gauge (Resilience4j's own Micrometer binding): closed from the
 * start, and open once an outage of the channel's receivers has failed enough attempts, while the channel that is up
 * stays closed. The breaker stays open for an hour here, so the test reads it open however slow the machine.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, BreakerStateMetricTest.Channels.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BreakerStateMetricTest {

    static final ScriptedChannel EMAIL = new ScriptedChannel("email");
    static final ScriptedChannel WEBHOOK = new ScriptedChannel("webhook");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {
        @Bean
        ScriptedChannel email() {
            return EMAIL;
        }

        @Bean
        ScriptedChannel webhook() {
            return WEBHOOK;
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.policy", () -> OutboxApiTest.quickPolicy().toString());
        registry.add("forewarn.delivery.interval", () -> "PT0.05S");
        registry.add("forewarn.webhook.enabled", () -> "false");
        registry.add("forewarn.delivery.breaker-wait", () -> "PT1H");
        registry.add("forewarn.scheduler.enabled", () -> "false");
    }

    @Test
    void aChannelsOutageReadsOpenAtTheMetricsEndpoint() {
        assertThat(metrics()).contains(state("webhook", "closed", 1)).contains(state("webhook", "open", 0))
                .contains(state("email", "closed", 1)).contains(state("cap-feed", "closed", 1));

        WEBHOOK.everywhere(Behaviour.DOWN).askingToWait(Duration.ZERO);
        EMAIL.everywhere(Behaviour.TAKE);
        for (int i = 0; i < 4; i++) {
            expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", Reports.venue("venue-" + i)
                    .replaceFirst("}$", ", \"contacts\": [{\"kind\": \"webhook\", \"address\": \"https://v" + i
                            + ".example/hook\", \"secret\": \"" + SECRET + "\"}, {\"kind\": \"email\", \"address\": \"duty@v"
                            + i + ".example\"}]}")));
        }
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"venue-operator\"}")).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
        expect(201, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", null, (String) null));

        Poll.until(Duration.ofSeconds(60), () -> metrics().contains(state("webhook", "open", 1)),
                () -> "webhook attempts so far: " + WEBHOOK.received());
        String metrics = metrics();
        assertThat(metrics).contains(state("webhook", "closed", 0)).contains(state("email", "closed", 1))
                .contains(state("email", "open", 0));
        // the breaker opened after four failed attempts of the last ten: it lets no more through while open
        assertThat(WEBHOOK.received()).hasSize(4).noneMatch(ScriptedChannel.Received::taken);
    }

    private static String state(String channel, String state, int value) {
        return "resilience4j_circuitbreaker_state{name=\"" + channel + "\",state=\"" + state + "\"} " + value + ".0";
    }

    private String metrics() {
        return Http.get(port, null, "/actuator/prometheus").body();
    }
}
