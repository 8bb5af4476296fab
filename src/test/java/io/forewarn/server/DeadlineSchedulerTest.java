package io.forewarn.server;

import io.forewarn.web.Http;
import io.forewarn.web.ServerUnderTest;
import io.forewarn.web.Reports;
import io.forewarn.policy.PolicyBook;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Transition;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.store.SweepLease;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.server.DeadlineScheduler.Outcome.CONFLICT;
import static io.forewarn.server.DeadlineScheduler.Outcome.NOTHING_DUE;
import static io.forewarn.server.DeadlineScheduler.Outcome.SWEPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scheduler turn at a time, on a clock two days ahead: it sweeps only with the lease, decides each
 * thing once, rolls back whole when an API change got to an obligation first, and decides again next turn.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DeadlineSchedulerTest {

    private static final Duration AHEAD = Duration.ofDays(2);

    @LocalServerPort
    int port;

    @Autowired
    Casebook casebook;
    @Autowired
    PolicyBook policies;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SweepLease lease;
    @Autowired
    ServerSettings settings;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("forewarn.scheduler.enabled", () -> "false"); // the test turns the handle itself
    }

    @BeforeEach
    void partiesAreOnFile() {
        for (String party : Reports.CROCUS_PARTIES) {
            Http.call(port, ANALYST, "POST", "/api/v1/parties", "application/json", party); // 409 the second time
        }
    }

    @Test
    void sweepsOnlyWithTheLeaseAndDecidesEachThingOnce(CapturedOutput output) throws Exception {
        post("R-1");
        DeadlineScheduler scheduler = scheduler(casebook);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    boolean got = lease.tryAcquire();
                    held.countDown();
                    await(release);
                    return got;
                }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(scheduler.tick()).isEqualTo(DeadlineScheduler.Outcome.LEASE_HELD_ELSEWHERE);
            assertThat(obligationsOf("R-1")).allSatisfy(o -> assertThat(o.state()).isEqualTo(ObligationState.OPEN));
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).as("the other transaction had the lease").isTrue();

        // A sweep takes one escalation step per obligation: overdue and the first role, then the next role.
        assertThat(sweepUntilNothingIsDue(scheduler)).containsExactly(SWEPT, SWEPT, NOTHING_DUE);

        List<Obligation> swept = obligationsOf("R-1");
        assertThat(swept).hasSize(4).allSatisfy(DeadlineSchedulerTest::overdueOnceAndEscalatedAlongTheChain);
        // One line per sweep that decided something, counting its events by type (the other test's report may be in them).
        assertThat(output.getAll()).containsPattern("deadline sweep: \\d+ obligation-escalated, \\d+ obligation-overdue\\R")
                .containsPattern("deadline sweep: \\d+ obligation-escalated\\R");
    }

    @Test
    void aSweepThatMeetsAConcurrentChangeRollsBackAndTheNextDecidesAgain(CapturedOutput output) {
        post("R-2");
        String contested = "R-2/crocus-city-hall";
        AtomicBoolean interfered = new AtomicBoolean();
        Casebook meddled = (Casebook) Proxy.newProxyInstance(Casebook.class.getClassLoader(), new Class<?>[] {Casebook.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("put") && args[0] instanceof Obligation put && put.id().equals(contested)
                            && interfered.compareAndSet(false, true)) {
                        // An analyst drafts for the venue in a transaction of their own, just before the sweep writes.
                        CompletableFuture.runAsync(() -> {
                            Obligation current = casebook.obligation(contested).orElseThrow();
                            casebook.put(current.moveTo(ObligationState.DRAFTED, clock.instant(), "analyst", 3, "draft D-x"));
                        }).join();
                    }
                    try {
                        return method.invoke(casebook, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });

        assertThat(scheduler(meddled).tick()).isEqualTo(CONFLICT);
        assertThat(interfered).isTrue();
        assertThat(output.getAll()).contains("deadline sweep rolled back: another writer changed obligation " + contested);
        assertThat(obligationsOf("R-2")).as("the sweep wrote nothing").allSatisfy(o ->
                assertThat(o.history()).extracting(Transition::to).doesNotContain(ObligationState.OVERDUE));
        assertThat(casebook.events()).as("nor recorded anything")
                .noneMatch(e -> e.subject().startsWith("R-2/") && e.type().startsWith("obligation-") && !e.type().equals("obligation-opened"));

        assertThat(sweepUntilNothingIsDue(scheduler(casebook))).containsExactly(SWEPT, SWEPT, NOTHING_DUE);
        assertThat(obligationsOf("R-2")).hasSize(4).allSatisfy(DeadlineSchedulerTest::overdueOnceAndEscalatedAlongTheChain);
        assertThat(casebook.obligation(contested).orElseThrow().resumeState()).contains(ObligationState.DRAFTED);
    }

    static void overdueOnceAndEscalatedAlongTheChain(Obligation obligation) {
        List<Transition> history = obligation.history();
        assertThat(history.stream().filter(t -> t.to() == ObligationState.OVERDUE)).as(obligation.id()).hasSize(1);
        assertThat(history.stream().filter(t -> t.to() == ObligationState.ESCALATED).map(Transition::note))
                .as(obligation.id()).containsExactly("escalated to approver", "escalated to director");
        assertThat(obligation.state()).isEqualTo(ObligationState.ESCALATED);
    }

    private static List<DeadlineScheduler.Outcome> sweepUntilNothingIsDue(DeadlineScheduler scheduler) {
        List<DeadlineScheduler.Outcome> outcomes = new ArrayList<>();
        while (outcomes.size() < 5 && !outcomes.contains(NOTHING_DUE)) {
            outcomes.add(scheduler.tick());
        }
        return outcomes;
    }

    @Test
    void eachTurnIsTimedByItsOutcomeAsAPrometheusHistogram() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CaseDesk ahead = new CaseDesk(casebook, policies, new Sanitizer(settings.zone()), Clock.offset(clock, AHEAD),
                new TransactionTemplate(transactions));
        DeadlineScheduler scheduler = new DeadlineScheduler(ahead, lease, new ServerSettings.Scheduler(true,
                Duration.ofSeconds(1)), meters);

        String outcome = scheduler.tick().name().toLowerCase(Locale.ROOT).replace('_', '-');
        scheduler.tick();

        String exposition = meters.scrape();
        assertThat(exposition).contains("forewarn_deadline_sweep_seconds_bucket{outcome=\"" + outcome + "\",le=\"+Inf\"}");
        assertThat(exposition).containsPattern("forewarn_deadline_sweep_seconds_count\\{outcome=\"[a-z-]+\"} [12]");
        assertThat(meters.find("forewarn.deadline.sweep").timers().stream().mapToLong(t -> t.count()).sum()).isEqualTo(2);
    }

    @Test
    void theNodeThatSweptKeepsThePlannersStatisticsAndAFailureThereStopsNothing(CapturedOutput output) {
        CaseDesk ahead = new CaseDesk(casebook, policies, new Sanitizer(settings.zone()), Clock.offset(clock, AHEAD),
                new TransactionTemplate(transactions));
        List<String> asked = new ArrayList<>();
        DeadlineScheduler scheduler = new DeadlineScheduler(ahead, lease, new ServerSettings.Scheduler(true,
                Duration.ofSeconds(1)), new SimpleMeterRegistry(), () -> {
                    asked.add("turn " + (asked.size() + 1));
                    if (asked.size() == 1) {
                        return List.of("obligation", "report");
                    }
                    throw new IllegalStateException("cannot bring the planner's statistics up to date: gone");
                });

        DeadlineScheduler.Outcome first = scheduler.tick();
        DeadlineScheduler.Outcome second = scheduler.tick();

        assertThat(List.of(first, second)).allSatisfy(o -> assertThat(o).isIn(SWEPT, NOTHING_DUE));
        assertThat(asked).containsExactly("turn 1", "turn 2");
        assertThat(output.getAll())
                .contains("planner statistics taken again for the tables new or grown twofold: obligation, report")
                .contains("planner statistics could not be taken; the next turn tries again: "
                        + "java.lang.IllegalStateException: cannot bring the planner's statistics up to date: gone");
    }

    private DeadlineScheduler scheduler(Casebook on) {
        CaseDesk ahead = new CaseDesk(on, policies, new Sanitizer(settings.zone()), Clock.offset(clock, AHEAD),
                new TransactionTemplate(transactions));
        return new DeadlineScheduler(ahead, lease, new ServerSettings.Scheduler(true, Duration.ofSeconds(1)));
    }

    private void post(String id) {
        assertThat(Http.call(port, ANALYST, "POST", "/api/v1/reports", "application/json", Reports.crocus(id)).status())
                .isEqualTo(201);
    }

    private List<Obligation> obligationsOf(String reportId) {
        return casebook.obligations().stream().filter(o -> o.reportId().equals(reportId)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
