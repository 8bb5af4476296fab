package io.forewarn.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One piece of work taken in turns on a daemon thread of its own, each turn an interval after the previous one
 * ended, until stopped: the deadline sweep's and the delivery dispatcher's rhythm. Stopping lets the current
 * turn end (up to ten seconds, then interrupts it: a turn's open transaction rolls back).
 */
final class Turns {

    private final String threadName;
    private ScheduledExecutorService executor;

    Turns(String threadName) {
        this.threadName = threadName;
    }

    /** Starts taking turns, the first an interval from now; false when they are being taken already. */
    synchronized boolean start(Runnable turn, Duration interval) {
        if (executor != null) {
            return false;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        executor.scheduleWithFixedDelay(turn, every, Math.max(1, every), TimeUnit.MILLISECONDS);
        return true;
    }

    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    synchronized boolean running() {
        return executor != null;
    }
}
