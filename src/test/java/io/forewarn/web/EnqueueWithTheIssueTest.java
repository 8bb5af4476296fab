package io.forewarn.web;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.server.ForewarnServer;
import io.forewarn.store.JdbcOutbox;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliveries of a warning are enqueued in the transaction that issues it: when the enqueue fails after
 * writing its rows, the issue is rolled back with them (no warning, the obligation still approved, no
 * delivery, nothing in the ledger), and the same request succeeds once the outbox works.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class, EnqueueWithTheIssueTest.Breaking.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnqueueWithTheIssueTest {

    static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    /** The real outbox, which fails right after writing the rows of an enqueue while {@link #BROKEN}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Breaking {
        @Bean
        @Primary
        Outbox breakingOutbox(JdbcOutbox real) {
            return new Outbox() {
                @Override
                public void enqueue(List<OutboxEntry> entries) {
                    real.enqueue(entries);
                    if (BROKEN.get()) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("the outbox broke after writing " + entries.size() + " rows"));
                    }
                }

                @Override
                public List<OutboxEntry> claim(Instant now, Collection<String> channels, int limit, Instant claimedUntil) {
                    return real.claim(now, channels, limit, claimedUntil);
                }

                @Override
                public boolean settle(OutboxEntry claimed, OutboxEntry.Attempt attempt, io.forewarn.dissemination.DeliveryState state, Instant dueAt) {
                    return real.settle(claimed, attempt, state, dueAt);
                }

                @Override
                public boolean release(OutboxEntry claimed, Instant dueAt) {
                    return real.release(claimed, dueAt);
                }

                @Override
                public List<String> markSent(String obligationId, String channel, Set<Delivery.Kind> kinds, Instant at,
                                             String detail) {
                    return real.markSent(obligationId, channel, kinds, at, detail);
                }

                @Override
                public List<String> markWithdrawn(String warningId, String channel, Instant at, String detail) {
                    return real.markWithdrawn(warningId, channel, at, detail);
                }

                @Override
                public List<OutboxEntry> ofWarning(String warningId, java.util.Optional<io.forewarn.dissemination.DeliveryState> state,
                                                   io.forewarn.obligation.Slice slice) {
                    return real.ofWarning(warningId, state, slice);
                }

                @Override
                public List<OutboxEntry> inState(io.forewarn.dissemination.DeliveryState state,
                                                 java.util.Optional<String> channel, io.forewarn.obligation.Slice slice) {
                    return real.inState(state, channel, slice);
                }

                @Override
                public java.util.Map<io.forewarn.dissemination.DeliveryState, Long> counts() {
                    return real.counts();
                }

                @Override
                public java.util.Optional<OutboxEntry> entry(String id) {
                    return real.entry(id);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.delivery.enabled", () -> "false");
    }

    @Test
    void aFailingEnqueueTakesTheIssueBackWithIt() {
        post("analyst", "/api/v1/parties", """
                {"id": "venue-1", "kind": "venue", "audience": "venue-operator", "kinds": ["concert hall"],
                 "place": {"site": "Crocus City Hall", "locality": "Krasnogorsk", "region": "Moscow Oblast", "country": "RU",
                           "lat": 55.826, "lon": 37.389, "radius-m": 400},
                 "contacts": [{"kind": "email", "address": "ops@venue.example"},
                              {"kind": "cap-feed", "address": "a broadcaster"}]}""");
        post("analyst", "/api/v1/reports", Reports.crocus("R-1"));
        String draft = post("analyst", "/api/v1/reports/R-1/drafts", "{\"audience\": \"venue-operator\"}").json().path("id").asString();
        post("approver", "/api/v1/drafts/" + draft + "/approve", null);
        long events = events();

        Reply refused = Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", "application/json", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(500);
        assertThat(rows("delivery")).as("the rows the enqueue wrote went with the issue").isZero();
        assertThat(rows("warning")).isZero();
        assertThat(get("/api/v1/obligations/R-1/venue-1").json().path("state").asString()).isEqualTo("approved");
        assertThat(get("/api/v1/drafts/" + draft).json().path("status").asString()).isEqualTo("approved");
        assertThat(events()).as("nothing on the timeline or in the ledger").isEqualTo(events);

        BROKEN.set(false);
        String warning = post("approver", "/api/v1/drafts/" + draft + "/issue", null).json().path("id").asString();
        assertThat(rows("delivery")).isEqualTo(2);
        Reply deliveries = get("/api/v1/warnings/" + warning + "/deliveries");
        assertThat(deliveries.json().path("items").findValuesAsString("state")).containsExactly("queued", "queued");
        assertThat(deliveries.json().path("items").findValuesAsString("channel")).containsExactly("email", "cap-feed");
    }

    private long rows(String table) {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Events on the timeline and entries in the ledger. */
    private long events() {
        return rows("duty_event") + rows("ledger_entry");
    }

    private Reply get(String path) {
        return Http.get(port, "oversight", path);
    }

    private Reply post(String login, String path, String body) {
        Reply reply = Http.post(port, login, path, "application/json", body == null ? "" : body);
        assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 201);
        return reply;
    }
}
