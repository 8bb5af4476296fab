package io.forewarn.server;

import io.forewarn.obligation.DeadlineSweep;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.store.ConcurrentChangeException;
import io.forewarn.store.SweepLease;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live clock's decisions: every {@code forewarn.scheduler.interval} (after the previous sweep ended)
 * it runs {@link DeadlineSweep#sweep()} under the policy in force, in one transaction that first takes
 * the {@link SweepLease}. The node that gets the lease sweeps; any other skips that turn, so several
 * nodes on one PostgreSQL never take the same decision twice, and the sweep after a commit sees that
 * commit's decisions and does not repeat them. Time comes from the server's clock (with
 * {@code forewarn.clock-offset} in an exercise).
 *
 * <p>A sweep that meets a concurrent change (an API request moved an obligation first) rolls back whole
 * and is logged at INFO; the next turn decides again on what is then stored. Nothing a sweep meets stops
 * the scheduler or the server. A sweep that decided something logs one line with the count of its events
 * by type; event summaries and report contents are never logged.
 *
 * <p>Each turn's duration, from taking the lease to the commit, is the timer {@code forewarn.deadline.sweep}
 * ({@code forewarn_deadline_sweep_seconds} in Prometheus, a histogram), tagged with the turn's outcome. After a
 * turn it swept, the node brings PostgreSQL's planner statistics up to date where tables have doubled.
 */
final class DeadlineScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScheduler.class);

    /** What one turn came to. */
    enum Outcome { SWEPT, NOTHING_DUE, LEASE_HELD_ELSEWHERE, CONFLICT, FAILED }

    private final CaseDesk desk;
    private final SweepLease lease;
    private final ServerSettings.Scheduler settings;
    private final MeterRegistry meters;
    private final Supplier<List<String>> statistics;
    private final Turns turns = new Turns("forewarn-scheduler");

    DeadlineScheduler(CaseDesk desk, SweepLease lease, ServerSettings.Scheduler settings) {
        this(desk, lease, settings, new SimpleMeterRegistry());
    }

    DeadlineScheduler(CaseDesk desk, SweepLease lease, ServerSettings.Scheduler settings, MeterRegistry meters) {
        this(desk, lease, settings, meters, List::of);
    }

    /**
     * @param statistics run after each turn this node swept, outside its timing: brings the database's planner
     *                   statistics up to date where tables have grown ({@link io.forewarn.store.PlannerStatistics#refreshGrown}),
     *                   and answers the tables it analysed
     */
    DeadlineScheduler(CaseDesk desk, SweepLease lease, ServerSettings.Scheduler settings, MeterRegistry meters,
                      Supplier<List<String>> statistics) {
        this.desk = desk;
        this.lease = lease;
        this.settings = settings;
        this.meters = meters;
        this.statistics = statistics;
    }

    /** One turn: takes the lease and sweeps, or skips; never throws. Its duration is metered by outcome. */
    Outcome tick() {
        Timer.Sample started = Timer.start(meters);
        Outcome outcome = turn();
        started.stop(Timer.builder("forewarn.deadline.sweep")
                .description("One turn of the deadline sweep, from taking the lease to the commit")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .publishPercentileHistogram()
                .register(meters));
        if (outcome == Outcome.SWEPT || outcome == Outcome.NOTHING_DUE) {
            refreshStatistics();
        }
        return outcome;
    }

    /** The node holding the lease keeps the statistics too: one node's work, not every node's. */
    private void refreshStatistics() {
        try {
            List<String> analysed = statistics.get();
            if (!analysed.isEmpty()) {
                LOG.info("planner statistics taken again for the tables new or grown twofold: {}", String.join(", ", analysed));
            }
        } catch (RuntimeException failed) {
            LOG.warn("planner statistics could not be taken; the next turn tries again: {}", failed.toString());
        }
    }

    private Outcome turn() {
        try {
            CaseDesk.Changed<Boolean> turn = desk.changeRecorded(duty -> {
                if (!lease.tryAcquire()) {
                    return false;
                }
                new DeadlineSweep(duty).sweep();
                return true;
            });
            if (!Boolean.TRUE.equals(turn.result())) {
                LOG.debug("deadline sweep skipped: another node holds the sweep lease");
                return Outcome.LEASE_HELD_ELSEWHERE;
            }
            if (turn.events().isEmpty()) {
                return Outcome.NOTHING_DUE;
            }
            logDecisions(turn.events());
            return Outcome.SWEPT;
        } catch (ConcurrentChangeException | ConcurrencyFailureException raced) {
            LOG.info("deadline sweep rolled back: another writer changed {} first; the next sweep decides again",
                    raced instanceof ConcurrentChangeException changed ? "obligation " + changed.obligationId() : "a row");
            return Outcome.CONFLICT;
        } catch (RuntimeException failed) {
            // Messages name ids and SQL, never report content; the stack trace is for the developers.
            LOG.warn("deadline sweep failed and was rolled back; the next sweep tries again: {}", failed.toString());
            LOG.debug("deadline sweep failure", failed);
            return Outcome.FAILED;
        }
    }

    private static void logDecisions(List<DutyEvent> events) {
        Map<String, Long> byType = events.stream()
                .collect(Collectors.groupingBy(event -> event.type().code(), TreeMap::new, Collectors.counting()));
        LoggingEventBuilder line = LOG.atInfo();
        byType.forEach(line::addKeyValue);
        line.log("deadline sweep: {}", byType.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", ")));
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            LOG.info("deadline scheduler disabled (forewarn.scheduler.enabled=false): this node takes no clock decisions");
        } else if (turns.start(this::tick, settings.interval())) {
            LOG.info("deadline scheduler every {} ({})", settings.interval(), lease.describe());
        }
    }

    @Override
    public void stop() {
        turns.stop();
    }

    @Override
    public boolean isRunning() {
        return turns.running();
    }

    /** Starts once the context is up (after the web server) and stops when it closes, before the database does. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
