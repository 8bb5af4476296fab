package io.forewarn.ledger.server;

import io.forewarn.ledger.CanonicalJson;
import io.forewarn.ledger.SignedTreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Witnessing: at start and then every {@code forewarn.ledger.publish-interval} the latest signed tree head (signed first if the
 * log has grown) is appended to {@code <data-dir>/witness/heads.jsonl}, one JSON line per new head, where
 * anyone who copies the file away can later hold the log to it ({@code forewarn ledger verify --head}). The
 * same heads are served at {@code GET /api/v1/ledger/head}.
 */
public final class HeadPublisher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HeadPublisher.class);

    private final LedgerDesk desk;
    private final Path file;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private long lastWritten = -1;

    HeadPublisher(LedgerDesk desk, Path witnessFile, Duration interval) {
        this.desk = desk;
        this.file = witnessFile;
        this.interval = interval;
    }

    public Path file() {
        return file;
    }

    /** One turn: publishes the latest head, writing it to the file if it is new there; never throws. */
    synchronized boolean publish() {
        try {
            SignedTreeHead head = desk.head();
            if (head.size() <= lastWritten) {
                return false;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("size", head.size());
            line.put("timestamp", head.timestamp().toString());
            line.put("rootHash", HexFormat.of().formatHex(head.rootHash()));
            line.put("signature", HexFormat.of().formatHex(head.signature()));
            line.put("keyId", desk.keyId());
            Files.createDirectories(file.getParent());
            Files.writeString(file, CanonicalJson.write(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            lastWritten = head.size();
            return true;
        } catch (IOException | RuntimeException failed) {
            LOG.warn("publishing the ledger's tree head failed; the next turn tries again: {}", failed.toString());
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "forewarn-ledger-witness");
            thread.setDaemon(true);
            return thread;
        });
        // The first head at once, so the log can be verified (forewarn ledger verify --db) from the start, not after
        // the first interval.
        if (publish()) {
            LOG.info("ledger: tree head of size {} signed by {} published at start, then every {} to {}", lastWritten,
                    desk.keyId(), interval, file);
        }
        long every = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::publish, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
