package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.server.CaseDatabase;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.forewarn.policy.Role.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code forewarn serve} processes on one PostgreSQL schema, their clocks two days ahead, both
 * sweeping every half second: each overdue obligation goes overdue once and is escalated to each
 * role of the policy's chain once, whichever node took which step; the sweep lease keeps the nodes from
 * ever sweeping at the same time, so neither meets the other's writes.
 */
class TwoNodeSchedulerTest {

    private static final int REPORTS = 6;
    private static final Duration ESCALATION_TIMEOUT = Duration.ofSeconds(30);
    /** After the last escalation, the nodes keep sweeping this long, so a second decision would show. */
    private static final Duration AFTERWARDS = Duration.ofSeconds(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void killWhatRuns() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void eachOverdueObligationIsEscalatedOnceAlongTheChain() throws Exception {
        CaseDatabase database = CaseDatabase.postgres();
        cleanup.add(database);

        Path today = ServeProcess.config(directory, "today", "scheduler: {enabled: false}", "");
        ServeProcess intake = serve("intake", today, database);
        for (String party : Reports.CROCUS_PARTIES) {
            intake.expect(201, ANALYST, "POST", "/api/v1/parties", party);
        }
        for (int i = 1; i <= REPORTS; i++) {
            intake.expect(201, ANALYST, "POST", "/api/v1/reports", Reports.crocus("R-" + i));
        }
        intake.stop();
        int obligations = REPORTS * Reports.CROCUS_PARTIES.size();

        // Structured (ECS JSON) logs, so the sweep lines can be read field by field.
        Path twoDaysOn = ServeProcess.config(directory, "two-days-on", """
                clock-offset: P2D
                scheduler: {interval: PT0.5S}""", """
                logging:
                  structured:
                    format:
                      console: ecs
                  level:
                    io.forewarn.server.DeadlineScheduler: DEBUG
                """);
        ServeProcess one = ServeProcess.launch("node-1", directory, twoDaysOn, database.environment());
        cleanup.add(one);
        ServeProcess two = ServeProcess.launch("node-2", directory, twoDaysOn, database.environment());
        cleanup.add(two);
        one.awaitServing();
        two.awaitServing();

        Poll.until(ESCALATION_TIMEOUT, () -> escalatedToTheEnd(database) == obligations,
                () -> escalatedToTheEnd(database) + " of " + obligations + " obligations were escalated to the director"
                        + "\nnode-1:\n" + one.output() + "\nnode-2:\n" + two.output());
        Poll.throughout(AFTERWARDS, () -> decisions(database).equals(List.of((long) obligations, 2L * obligations)),
                () -> "after every obligation was escalated to the director, the nodes decided again: "
                        + "obligation-overdue, obligation-escalated events " + decisions(database) + " for " + obligations
                        + " obligations\nnode-1:\n" + one.output() + "\nnode-2:\n" + two.output());

        List<Obligation> swept = database.read(casebook -> List.copyOf(casebook.obligations()));
        List<TimelineEntry> events = database.read(casebook -> casebook.events());
        assertThat(swept).hasSize(obligations).allSatisfy(obligation -> {
            List<Transition> history = obligation.history();
            assertThat(history.stream().filter(t -> t.to() == ObligationState.OVERDUE)).as(obligation.id()).hasSize(1);
            assertThat(history.stream().filter(t -> t.to() == ObligationState.ESCALATED).map(Transition::note))
                    .as(obligation.id()).containsExactly("escalated to approver", "escalated to director");
        });
        Map<String, Long> each = swept.stream().collect(Collectors.toMap(Obligation::id, o -> 1L));
        assertThat(count(events, "obligation-overdue")).as("obligation-overdue events").isEqualTo(each);
        assertThat(count(events, "obligation-escalated")).as("obligation-escalated events")
                .isEqualTo(swept.stream().collect(Collectors.toMap(Obligation::id, o -> 2L)));

        // The log lines agree with the casebook, and no sweep ever met another's writes.
        Map<String, Long> logged = new java.util.TreeMap<>();
        for (ServeProcess node : List.of(one, two)) {
            String output = node.output();
            assertThat(output).as("%s's output", node).doesNotContain("rolled back").doesNotContain("deadline sweep failed")
                    .contains("forewarn.clock-offset is PT48H: this server's clock runs PT48H ahead of the real time");
            sweepLines(output).forEach(line -> line.properties().forEach(entry -> {
                if (entry.getKey().startsWith("obligation-")) {
                    logged.merge(entry.getKey(), entry.getValue().asLong(), Long::sum);
                }
            }));
            for (String secret : Reports.PROTECTED) {
                assertThat(output.toLowerCase(Locale.ROOT)).as("%s's output", node).doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
        assertThat(logged).as("events counted in the sweep log lines of both nodes")
                .isEqualTo(Map.of("obligation-escalated", 2L * obligations, "obligation-overdue", (long) obligations));
        System.out.println("two nodes: sweeps that decided something / turns skipped for the lease: node-1 "
                + sweepLines(one.output()).count() + "/" + skipped(one) + ", node-2 " + sweepLines(two.output()).count()
                + "/" + skipped(two));
    }

    private ServeProcess serve(String name, Path config, CaseDatabase database) {
        ServeProcess server = ServeProcess.start(name, directory, config, database.environment());
        cleanup.add(server);
        return server;
    }

    private static long escalatedToTheEnd(CaseDatabase database) {
        return database.read(casebook -> casebook.obligations().stream().filter(o -> o.escalations() == 2).count());
    }

    /** How many obligation-overdue and obligation-escalated events the timeline holds. */
    private static List<Long> decisions(CaseDatabase database) {
        List<TimelineEntry> events = database.read(casebook -> casebook.events());
        return List.of(events.stream().filter(e -> e.type().equals("obligation-overdue")).count(),
                events.stream().filter(e -> e.type().equals("obligation-escalated")).count());
    }

    private static Map<String, Long> count(List<TimelineEntry> events, String type) {
        return events.stream().filter(e -> e.type().equals(type))
                .collect(Collectors.groupingBy(TimelineEntry::subject, Collectors.counting()));
    }

    private static long skipped(ServeProcess node) {
        return node.output().lines().filter(line -> line.contains("deadline sweep skipped")).count();
    }

    /** The ECS JSON lines of the deadline sweep that decided something. */
    private static java.util.stream.Stream<JsonNode> sweepLines(String output) {
        return output.lines()
                .filter(line -> line.startsWith("{") && line.contains("deadline sweep: "))
                .map(line -> JSON.readTree(line))
                .filter(line -> line.path("message").asString("").startsWith("deadline sweep: "));
    }
}
