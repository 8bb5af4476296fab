package io.forewarn.server;

import io.forewarn.store.H2Compaction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * On an embedded H2 file, {@link H2Compaction} in turns of its own, each {@link #INTERVAL} after the last ended, so
 * that the file stays near the size of what it holds under a steady load; on PostgreSQL nothing runs. Small, frequent
 * turns keep each wait of the commits held back short.
 *
 * <p>Each turn's duration is the timer {@code forewarn.h2.compaction} (tagged with whether it rewrote chunks); the file's
 * size and the share of its chunks' bytes that is live are the gauges {@code forewarn.h2.file.bytes} and
 * {@code forewarn.h2.file.live.percent}. A failed turn is logged once until a turn succeeds again.
 */
final class H2CompactionTurns implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2CompactionTurns.class);

    /** Between the end of one turn and the start of the next. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Turns turns = new Turns("forewarn-h2-compaction");
    private final AtomicLong fileBytes = new AtomicLong();
    private final AtomicLong livePercent = new AtomicLong(100);
    private boolean failing;

    H2CompactionTurns(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
        Gauge.builder("forewarn.h2.file.bytes", fileBytes, AtomicLong::get)
                .description("The embedded H2 file's size, as the last compaction turn found it").baseUnit("bytes").register(meters);
        Gauge.builder("forewarn.h2.file.live.percent", livePercent, AtomicLong::get)
                .description("The share of the H2 file's chunks' bytes that is live, after the last compaction turn").register(meters);
    }

    /** One turn; never throws. */
    Optional<H2Compaction.Outcome> tick() {
        Timer.Sample started = Timer.start(meters);
        try {
            Optional<H2Compaction.Outcome> outcome = H2Compaction.compactIfSparse(dataSource);
            outcome.ifPresent(done -> {
                fileBytes.set(done.fileBytes());
                livePercent.set(done.liveAfter());
                started.stop(meters.timer("forewarn.h2.compaction", "rewrote", Boolean.toString(done.rewrote())));
            });
            if (failing) {
                LOG.info("H2 file compaction works again");
                failing = false;
            }
            return outcome;
        } catch (RuntimeException failed) {
            if (!failing) {
                LOG.warn("H2 file compaction failed; it is tried again every {} ms: {}", INTERVAL.toMillis(), failed.toString());
                failing = true;
            }
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        if (H2Compaction.appliesTo(dataSource) && turns.start(this::tick, INTERVAL)) {
            LOG.info("H2 file compaction every {} ms (chunks under {}% live are rewritten)", INTERVAL.toMillis(),
                    H2Compaction.TARGET_FILL_RATE);
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
}
