package io.forewarn.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * What one stretch of open-loop load measured. Latencies are in microseconds, each from the time its request
 * was due to be sent (not when it was sent) to the end of its answer, so time a stalled server made the
 * client wait is counted.
 *
 * @param name       the stretch's name, e.g. {@code health} or {@code bearer}
 * @param offered    requests per second offered
 * @param due        requests due in the stretch (offered rate × duration)
 * @param answered   requests answered, with any status
 * @param span       from the first request's due time to the last answer (summed over the slices of a stretch)
 * @param latencies  every answer's latency
 * @param byStatus   latencies by HTTP status
 * @param expected   the statuses that are not errors
 * @param failed     requests without an answer: refused connections, time-outs, and requests not sent before the
 *                   stretch's deadline
 * @param serverCpu  the CPU time the server's process used during the stretch, when known (else zero): unlike the
 *                   latencies, it hardly depends on what else the machine is running
 */
public record Measurement(String name, double offered, long due, long answered, Duration span, Histogram latencies,
                          SortedMap<Integer, Histogram> byStatus, Set<Integer> expected, long failed, Duration serverCpu) {

    public Measurement {
        byStatus = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byStatus));
        expected = Set.copyOf(expected);
    }

    /** The same figures with the server's CPU time during the stretch. */
    public Measurement withServerCpu(Duration cpu) {
        return new Measurement(name, offered, due, answered, span, latencies, byStatus, expected, failed, cpu);
    }

    /** The server's CPU time per answer, in microseconds; 0 when unknown. */
    public double serverCpuMicrosPerAnswer() {
        return answered == 0 ? 0 : serverCpu.toNanos() / 1000.0 / answered;
    }

    /** This stretch and a later slice of the same requests, as one: every answer, failure and CPU second of both. */
    public Measurement plus(Measurement later) {
        Histogram all = latencies.copy();
        all.add(later.latencies);
        SortedMap<Integer, Histogram> statuses = new java.util.TreeMap<>();
        byStatus.forEach((status, histogram) -> statuses.put(status, histogram.copy()));
        later.byStatus.forEach((status, histogram) -> statuses.merge(status, histogram.copy(), (one, other) -> {
            one.add(other);
            return one;
        }));
        return new Measurement(name, offered, due + later.due, answered + later.answered, span.plus(later.span), all,
                statuses, expected, failed + later.failed, serverCpu.plus(later.serverCpu));
    }

    /** Answers per second over the span. */
    public double achieved() {
        return span.isZero() ? 0 : answered * 1e9 / span.toNanos();
    }

    /** Answers with an unexpected status, and requests without an answer. */
    public long errors() {
        long unexpected = byStatus.entrySet().stream().filter(e -> !expected.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getTotalCount()).sum();
        return unexpected + failed;
    }

    /** The latency at a percentile, in milliseconds; 0 without answers. */
    public double millis(double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getMaxValue() / 1000.0;
    }

    /** The answers by status, e.g. {@code 200: 30,000}. */
    public Map<Integer, Long> counts() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        byStatus.forEach((status, histogram) -> counts.put(status, histogram.getTotalCount()));
        return counts;
    }
}
