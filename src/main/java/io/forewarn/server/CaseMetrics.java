package io.forewarn.server;

import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Transition;
import io.forewarn.store.ObligationCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The domain metrics at {@code /actuator/prometheus}. Two kinds, each counted where it is right
 * when several nodes share one database:
 *
 * <ul>
 *   <li><b>Levels</b>, read from the database: {@code forewarn_obligations{state=...}} (every state,
 *       0 included) and {@code forewarn_obligations_overdue} (past the deadline with no warning out, by
 *       this node's clock). Every node reports the same database-wide value, so dashboards take
 *       {@code max} across instances, not {@code sum}. One grouped count over the (state, deadline)
 *       index, at most once per {@link #MAX_AGE} however often it is scraped, and at once after this
 *       node changed something.</li>
 *   <li><b>Happenings</b>, counted by the node whose transaction committed them, after the commit:
 *       {@code forewarn_time_to_warn_seconds} (a histogram: obligation opened to its first warning issued)
 *       and {@code forewarn_leak_check_blocks_total} (drafts the leak check blocked). Each happens in
 *       exactly one committed transaction, so the sum across instances counts each once; a rolled-back
 *       one is not counted. Like every Prometheus counter they restart from 0 with the process, which
 *       {@code rate()} and {@code increase()} allow for. Cost: nothing beyond the change itself.</li>
 * </ul>
 *
 * Tags carry states only; no metric names a report, party or anything protected.
 */
final class CaseMetrics implements MeterBinder, CaseDesk.Committed {

    /** How long a database count may serve scrapes before it is taken again. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** The time-to-warn buckets: the policy's deadlines (PT4H imminent, PT24H default) and their neighbours. */
    private static final Duration[] TIME_TO_WARN_BUCKETS = {Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12),
            Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(7)};

    private static final Logger LOG = LoggerFactory.getLogger(CaseMetrics.class);

    private final ObligationCounts counts;
    private final Clock clock;
    private final LongSupplier ticks;

    private volatile Timer timeToWarn;
    private volatile Counter leakBlocks;

    private ObligationCounts.Counts latest;
    private long takenAt;
    private boolean stale = true;

    CaseMetrics(ObligationCounts counts, Clock clock) {
        this(counts, clock, System::nanoTime);
    }

    CaseMetrics(ObligationCounts counts, Clock clock, LongSupplier ticks) {
        this.counts = counts;
        this.clock = clock;
        this.ticks = ticks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ObligationState state : ObligationState.values()) {
            Gauge.builder("forewarn.obligations", this, metrics -> metrics.level(c -> c.byState().get(state)))
                    .description("Obligations to warn in each state, in the whole casebook")
                    .tag("state", state.code())
                    .register(registry);
        }
        Gauge.builder("forewarn.obligations.overdue", this, metrics -> metrics.level(ObligationCounts.Counts::overdue))
                .description("Obligations past their deadline with no warning out, in the whole casebook")
                .register(registry);
        timeToWarn = Timer.builder("forewarn.time.to.warn")
                .description("From an obligation's opening to its first warning issued (counted by the node that issued it)")
                .serviceLevelObjectives(TIME_TO_WARN_BUCKETS)
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry);
        leakBlocks = Counter.builder("forewarn.leak.check.blocks")
                .description("Drafts the leak check blocked (counted by the node that drafted them)")
                .register(registry);
    }

    @Override
    public void committed(List<DutyEvent> events) {
        invalidate();
        Timer timer = timeToWarn;
        Counter counter = leakBlocks;
        for (DutyEvent event : events) {
            if (event instanceof DutyEvent.WarningIssued issued && timer != null) {
                issued.obligations().forEach(obligation -> firstWarning(obligation).ifPresent(timer::record));
            }
            if (counter != null && blocked(event)) {
                counter.increment();
            }
        }
    }

    private static boolean blocked(DutyEvent event) {
        DraftRecord draft = event instanceof DutyEvent.WarningDrafted drafted ? drafted.draft()
                : event instanceof DutyEvent.RenewalDrafted renewal ? renewal.draft() : null;
        return draft != null && draft.draft().leak().isBlocked();
    }

    /** The time to warn, when this version of the obligation is the one that first issued a warning. */
    static Optional<Duration> firstWarning(Obligation obligation) {
        List<Transition> history = obligation.history();
        Transition last = history.get(history.size() - 1);
        if (last.to() != ObligationState.ISSUED
                || history.subList(0, history.size() - 1).stream().anyMatch(t -> t.to() == ObligationState.ISSUED)) {
            return Optional.empty();
        }
        Duration took = Duration.between(obligation.openedAt(), last.at());
        return Optional.of(took.isNegative() ? Duration.ZERO : took);
    }

    private synchronized void invalidate() {
        stale = true;
    }

    private double level(ToLongFunction<ObligationCounts.Counts> pick) {
        ObligationCounts.Counts current = current();
        return current == null ? Double.NaN : pick.applyAsLong(current);
    }

    private synchronized ObligationCounts.Counts current() {
        long now = ticks.getAsLong();
        if (stale || now - takenAt >= MAX_AGE.toNanos()) {
            stale = false;
            takenAt = now;
            try {
                latest = counts.at(Instant.now(clock));
            } catch (RuntimeException failed) {
                // No count (NaN) is better than an old one passed off as current, and it is not asked for again
                // before MAX_AGE, so scrapes stay quick while the database is away; /actuator/health shows it.
                LOG.debug("the obligation counts could not be read: {}", failed.toString());
                latest = null;
            }
        }
        return latest;
    }
}
