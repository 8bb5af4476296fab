package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.server.CaseDatabase;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import static io.forewarn.web.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL schema, each with its own dispatcher claiming small pages every 20 ms,
 * drain one outbox: every delivery is sent exactly once, by one node or the other, never by both
 * ({@code FOR UPDATE SKIP LOCKED}: a node skips the rows the other is claiming, and a claimed row is no longer
 * due until its claim runs out).
 */
class TwoDispatchersTest {

    private static final int VENUES = 40;
    private static final int CONTACTS = 2;

    /** Who sent each delivery id, in the order they were sent, over both nodes. */
    private final ConcurrentMap<String, List<String>> sentBy = new ConcurrentHashMap<>();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void twoNodesDrainOneOutboxWithoutSendingAnyDeliveryTwice() {
        CaseDatabase database = CaseDatabase.postgres();
        cleanup.add(database);
        ConfigurableApplicationContext one = node("node-1", database);
        ConfigurableApplicationContext two = node("node-2", database);
        int port = ((WebServerApplicationContext) one).getWebServer().getPort();

        for (int i = 0; i < VENUES; i++) {
            String venue = Reports.venue("venue-" + i);
            String contacts = ", \"contacts\": [" + java.util.stream.IntStream.range(0, CONTACTS)
                    .mapToObj(c -> "{\"kind\": \"email\", \"address\": \"ops" + c + "@venue.example\"}")
                    .collect(Collectors.joining(", ")) + "]}";
            expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json",
                    venue.substring(0, venue.lastIndexOf('}')) + contacts));
        }
        expect(201, Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")));
        String draft = expect(201, Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"venue-operator\"}")).json().path("id").asString();
        expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", "application/json", ""));
        String warning = expect(201, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", "application/json", ""))
                .json().path("id").asString();

        int deliveries = VENUES * CONTACTS;
        Poll.until(Duration.ofSeconds(60), () -> sentBy.size() == deliveries && sent(port, warning) == deliveries,
                () -> sentBy.size() + " of " + deliveries + " deliveries sent");
        // a while longer: a delivery sent twice would show now
        Poll.throughout(Duration.ofSeconds(1), () -> sentBy.values().stream().allMatch(nodes -> nodes.size() == 1),
                () -> "sent more than once: " + sentBy.entrySet().stream().filter(e -> e.getValue().size() > 1).toList());

        Map<String, Long> perNode = sentBy.values().stream().map(nodes -> nodes.get(0))
                .collect(Collectors.groupingBy(node -> node, java.util.TreeMap::new, Collectors.counting()));
        System.out.println("two dispatchers: deliveries sent per node " + perNode);
        assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(deliveries);
        assertThat(perNode).as("both nodes drained the outbox").containsOnlyKeys("node-1", "node-2");
        long delivered = database.read(casebook -> casebook.obligations().stream()
                .filter(o -> o.state().code().equals("delivered")).count());
        assertThat(delivered).isEqualTo(VENUES);
        long deliveredEvents = database.read(casebook -> casebook.events().stream()
                .filter(e -> e.type().equals("warning-delivered")).count());
        assertThat(deliveredEvents).as("one warning-delivered per venue, though each has two contact points").isEqualTo(VENUES);
    }

    private static long sent(int port, String warning) {
        return Http.get(port, "oversight", "/api/v1/warnings/" + warning + "/deliveries?state=sent&size=500")
                .json().path("items").size();
    }

    private ConfigurableApplicationContext node(String name, CaseDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.environment());
        properties.put("server.port", "0");
        properties.put("forewarn.timezone", "Europe/Moscow");
        properties.put("forewarn.data-dir", ServerUnderTest.DATA.toString());
        properties.put("forewarn.delivery.interval", "PT0.02S");
        properties.put("forewarn.delivery.page", "5");
        properties.put("forewarn.scheduler.enabled", "false");
        ServerUnderTest.Login[] logins = ServerUnderTest.everyRole();
        for (int i = 0; i < logins.length; i++) {
            properties.put("forewarn.users[" + i + "].name", logins[i].name());
            properties.put("forewarn.users[" + i + "].password-hash", logins[i].passwordHash());
            properties.put("forewarn.users[" + i + "].roles[0]", logins[i].roles()[0].code());
        }
        Channel channel = new Channel() {
            @Override
            public String kind() {
                return "email";
            }

            @Override
            public SendOutcome send(Delivery delivery) {
                sentBy.computeIfAbsent(delivery.id(), id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(name);
                try {
                    Thread.sleep(2); // an SMTP round trip, so the two nodes' rounds overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new SendOutcome.Sent("250 queued on " + name);
            }
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ForewarnServer.class, ServerUnderTest.QuickPasswords.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("emailChannel", channel))
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        cleanup.add(context::close);
        return context;
    }
}
