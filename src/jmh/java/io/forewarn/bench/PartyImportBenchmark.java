package io.forewarn.bench;

import io.forewarn.obligation.DutyToWarn;
import io.forewarn.party.Party;
import io.forewarn.policy.PolicyFile;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.store.JdbcCasebook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
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
import java.util.concurrent.TimeUnit;

/**
 * What a chunk of an import costs now that every party is resolved against the open reports: 1,000 new venues
 * (those of {@link CasebookQueryBenchmark}, over the same area) registered through the party register in one
 * transaction, as the import does a chunk at a time: the parties stored in one batch, one
 * {@code party-registered} event and ledger entry each in one batch, one question of the reports' place index
 * for the open reports that reach them, and the obligations they owe opened in one batch. With 10 and 1,000
 * reports open (2 km sites drawn over the area, windows of 20 days), on an H2 file and on PostgreSQL; in
 * milliseconds per chunk. The cost should follow the chunk and what it matches, not the reports on file.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PartyImportBenchmark {

    static final int CHUNK = 1000;

    @Param({"h2", "postgresql"})
    public String db;

    @Param({"10", "1000"})
    public int openReports;

    private BenchDatabase database;
    private TransactionTemplate transaction;
    private DutyToWarn duty;
    private final Random places = new Random(42);
    private int imported;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void fill() {
        database = BenchDatabase.create(db, Path.of(System.getProperty("bench.work", "target/bench-work")), "imports");
        JdbcCasebook casebook = database.database().casebook();
        transaction = new TransactionTemplate(new JdbcTransactionManager(database.database().dataSource()));
        Clock clock = Clock.fixed(Instant.parse("2024-03-07T05:00:00Z"), ZoneOffset.UTC);
        duty = new DutyToWarn(casebook, PolicyFile.defaultPolicy(), new Sanitizer(ZoneOffset.UTC), clock);
        Random reports = new Random(7);
        for (int i = 0; i < openReports; i++) {
            String id = "R-" + i;
            transaction.executeWithoutResult(status -> duty.receive(CasebookQueryBenchmark.report(id, reports), "bench"));
        }
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void close() {
        long opened = duty.casebook().obligations().size();
        System.out.printf(java.util.Locale.ROOT, "%n%s, %,d open reports: %,d parties imported, %,d obligations opened%n",
                db, openReports, imported, opened);
        database.close();
    }

    @Benchmark
    public int importChunk() {
        List<Party> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < CHUNK; i++) {
            chunk.add(CasebookQueryBenchmark.venue(imported++, places));
        }
        transaction.executeWithoutResult(status -> duty.parties().importAll(chunk, List.of(), "bench"));
        return imported;
    }
}
