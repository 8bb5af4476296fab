package io.forewarn.server;

import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The outbox at {@code /actuator/prometheus}, counted as {@link CaseMetrics} counts the casebook:
 *
 * <ul>
 *   <li>levels from the database, the same on every node (aggregate with {@code max}):
 *       {@code forewarn_deliveries{state="queued"|"in-flight"|"sent"|"dead-lettered"}}, read at most once a
 *       second however often scraped;</li>
 *   <li>happenings on the node that settled them (aggregate with {@code sum}):
 *       {@code forewarn_delivery_attempts_total{channel, outcome="sent"|"failed"|"dead-lettered"}}, and
 *       {@code forewarn_time_to_deliver_seconds} (a histogram: a warning issued to its first successful delivery
 *       to a party, once per party and warning).</li>
 * </ul>
 *
 * Tags carry channel kinds and states only, never a party or an address.
 */
final class DeliveryMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofHours(24)};

    private final Outbox outbox;
    private volatile MeterRegistry registry;
    private volatile Timer timeToDeliver;
    private Map<DeliveryState, Long> latest;
    private long takenAt;

    DeliveryMetrics(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (DeliveryState state : DeliveryState.values()) {
            Gauge.builder("forewarn.deliveries", this, metrics -> metrics.level(state))
                    .description("Deliveries in the outbox in each state, in the whole database")
                    .tag("state", state.code())
                    .register(registry);
        }
        timeToDeliver = Timer.builder("forewarn.time.to.deliver")
                .description("From a warning's issue to its first successful delivery to a party (counted by the node that sent it)")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** One attempt settled over {@code channel}: sent, failed (to be retried) or dead-lettered. */
    void attempt(String channel, String outcome) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Counter.builder("forewarn.delivery.attempts")
                    .description("Delivery attempts settled by this node, by channel and outcome")
                    .tag("channel", channel)
                    .tag("outcome", outcome)
                    .register(meters)
                    .increment();
        }
    }

    void firstDelivered(Duration sinceIssue) {
        Timer timer = timeToDeliver;
        if (timer != null) {
            timer.record(sinceIssue.isNegative() ? Duration.ZERO : sinceIssue);
        }
    }

    private synchronized double level(DeliveryState state) {
        long now = System.nanoTime();
        if (latest == null || now - takenAt >= MAX_AGE.toNanos()) {
            takenAt = now;
            try {
                latest = outbox.counts();
            } catch (RuntimeException failed) {
                LOG.debug("the delivery counts could not be read: {}", failed.toString());
                latest = null;
                return Double.NaN;
            }
        }
        return latest.getOrDefault(state, 0L);
    }
}
