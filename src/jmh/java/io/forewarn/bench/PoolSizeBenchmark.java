package io.forewarn.bench;

import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.party.Party;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.ThreatReport;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.store.JdbcCasebook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many pooled connections the server needs: 16 threads (a busy server's request threads) each opening
 * reports ({@link DutyToWarn#receive} in a transaction, as {@code POST /api/v1/reports} does) against 10,000
 * parties, with a pool of 2, 4, 8 or 16 connections, in reports per second. On 2 cores the database is
 * saturated by a few connections; more only queue inside it. The smallest pool at the plateau is the default
 * ({@code store.DatabaseSettings#DEFAULT_POOL_SIZE}); the baseline is the pool of 16.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class PoolSizeBenchmark {

    static final int PARTIES = 10_000;

    @Param({"h2", "postgresql"})
    public String db;

    @Param({"2", "4", "8", "16"})
    public int pool;

    private BenchDatabase database;
    private TransactionTemplate transaction;
    private DutyToWarn duty;
    private final AtomicLong reports = new AtomicLong();

    @Setup(Level.Trial)
    public void fill() {
        database = BenchDatabase.create(db, Path.of(System.getProperty("bench.work", "target/bench-work")), "pool", pool);
        JdbcCasebook casebook = database.database().casebook();
        transaction = new TransactionTemplate(new JdbcTransactionManager(database.database().dataSource()));
        Random places = new Random(42);
        List<Party> chunk = new ArrayList<>();
        for (int i = 0; i < PARTIES; i++) {
            chunk.add(CasebookQueryBenchmark.venue(i, places));
        }
        transaction.executeWithoutResult(status -> casebook.putParties(chunk));
        duty = new DutyToWarn(casebook, PolicyFile.defaultPolicy(), new Sanitizer(ZoneOffset.UTC),
                Clock.fixed(Instant.parse("2024-03-07T05:00:00Z"), ZoneOffset.UTC));
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public List<Obligation> openObligations() {
        ThreatReport report = CasebookQueryBenchmark.report("R-" + reports.incrementAndGet(), ThreadLocalRandom.current());
        return transaction.execute(status -> duty.receive(report, "bench"));
    }
}
