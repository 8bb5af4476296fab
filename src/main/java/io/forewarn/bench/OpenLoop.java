package io.forewarn.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * An open-loop HTTP load: requests sent at a constant rate, one every 1/rate seconds on a fixed schedule (or, for
 * a warm-up, at a rate rising evenly: {@link #ramp}), whatever the server does, the way real clients arrive. Each latency is measured from the instant its
 * request was due, so a server that stalls shows in the figures instead of slowing the load down
 * ("coordinated omission", which a closed loop of clients waiting on each answer would hide).
 *
 * <p>At most {@code maxInFlight} requests are outstanding; when that many wait, the next sends late, and its
 * lateness counts in its latency. Requests not sent within {@code grace} after the stretch's end are not sent
 * and count as failed. Progress goes to {@code progress} every {@link #PROGRESS_EVERY}.
 *
 * <p>Reusable: a stretch is a name, a rate, a duration and the n-th request to send ({@code forewarn bench login}
 * gets the same page again and again; a bench of writes can post a different body each time).
 */
public final class OpenLoop {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Latencies are recorded in microseconds, up to an hour. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final HttpClient client;
    private final int maxInFlight;
    private final Duration grace;
    private final PrintWriter progress;

    public OpenLoop(HttpClient client, int maxInFlight, Duration grace, PrintWriter progress) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight, not " + maxInFlight);
        }
        this.client = client;
        this.maxInFlight = maxInFlight;
        this.grace = grace;
        this.progress = progress;
    }

    /**
     * Offers {@code rate} requests per second for {@code duration}, the n-th being {@code request.apply(n)}, and
     * returns when every request sent has been answered or has failed. Give the requests a time-out: this waits
     * for each.
     */
    public Measurement run(String name, double rate, Duration duration, Set<Integer> expected,
                           LongFunction<HttpRequest> request) throws InterruptedException {
        return ramp(name, rate, rate, duration, expected, request);
    }

    /**
     * Like {@link #run}, the rate rising evenly from {@code fromRate} to {@code toRate} over {@code duration}: a
     * warm-up that brings a server freshly started up to the rate without swamping it while its code is still being
     * compiled, so that it reaches the measured stretch as a server long up would.
     */
    public Measurement ramp(String name, double fromRate, double toRate, Duration duration, Set<Integer> expected,
                            LongFunction<HttpRequest> request) throws InterruptedException {
        if (!(fromRate > 0) || !(toRate > 0)) {
            throw new IllegalArgumentException("the rate must be above 0 requests per second, not " + (fromRate > 0 ? toRate : fromRate));
        }
        Schedule schedule = Schedule.ramp(fromRate, toRate, duration);
        double rate = (fromRate + toRate) / 2;
        long due = schedule.due();
        Recorder all = new Recorder(HIGHEST_MICROS, 3);
        Map<Integer, Recorder> byStatus = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        Histogram total = new Histogram(HIGHEST_MICROS, 3);

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long deadline = start + duration.toNanos() + grace.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        long sent = 0;
        for (long n = 0; n < due; n++) {
            long intended = start + schedule.offsetNanos(n);
            waitUntil(intended);
            if (!inFlight.tryAcquire()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    failed.addAndGet(due - n); // the rest could not be sent in time
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                inFlight.release();
                failed.addAndGet(due - n);
                break;
            }
            sent++;
            client.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                if (failure != null) {
                    failed.incrementAndGet();
                } else {
                    long micros = Math.max(1, (now - intended) / 1000);
                    all.recordValue(Math.min(micros, HIGHEST_MICROS));
                    byStatus.computeIfAbsent(response.statusCode(), status -> new Recorder(HIGHEST_MICROS, 3))
                            .recordValue(Math.min(micros, HIGHEST_MICROS));
                    answered.incrementAndGet();
                    lastAnswer.accumulateAndGet(now, Math::max);
                }
                inFlight.release();
            });
            if (System.nanoTime() >= nextProgress) {
                total.add(all.getIntervalHistogram());
                report(name, (System.nanoTime() - start) / 1e9, duration, sent, answered.get(), failed.get(), total);
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
        // every request sent is answered, failed or timed out by the client before its permit comes back
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
        total.add(all.getIntervalHistogram());
        SortedMap<Integer, Histogram> statuses = new TreeMap<>();
        byStatus.forEach((status, recorder) -> statuses.put(status, recorder.getIntervalHistogram()));
        long end = answered.get() == 0 ? start : lastAnswer.get();
        return new Measurement(name, rate, due, answered.get(), Duration.ofNanos(Math.max(0, end - start)), total, statuses,
                expected, failed.get(), Duration.ZERO);
    }

    /** When each request of a stretch is due: how many there are, and the n-th's offset from its start. */
    record Schedule(long due, LongUnaryOperator offsets) {

        /**
         * A rate rising evenly from {@code fromRate} to {@code toRate} over {@code duration} (constant when they are
         * equal): n requests are due by t seconds when fromRate·t + (toRate − fromRate)·t²/2T = n, so the n-th is
         * due at that equation's positive root.
         */
        static Schedule ramp(double fromRate, double toRate, Duration duration) {
            double seconds = duration.toNanos() / 1e9;
            double rise = (toRate - fromRate) / (2 * seconds);
            return new Schedule(Math.round((fromRate + toRate) / 2 * seconds), rise == 0
                    ? n -> Math.round(n * 1e9 / fromRate)
                    : n -> Math.round(1e9 * (Math.sqrt(fromRate * fromRate + 4 * rise * n) - fromRate) / (2 * rise)));
        }

        long offsetNanos(long n) {
            return offsets.applyAsLong(n);
        }
    }

    private void report(String name, double seconds, Duration duration, long sent, long answered, long failed,
                        Histogram total) {
        progress.printf(Locale.ROOT, "%s: %.0f s of %d, %,d sent, %,d answered, %,d failed, p99 so far %.1f ms%n", name,
                seconds, duration.toSeconds(), sent, answered, failed,
                total.getTotalCount() == 0 ? 0.0 : total.getValueAtPercentile(99) / 1000.0);
        progress.flush();
    }

    /** Parks until the instant (of System.nanoTime); waking a little late counts in the latency, as it should. */
    private static void waitUntil(long instant) {
        long left;
        while ((left = instant - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
