package io.forewarn.bench;

import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.jdbc.JdbcLedger;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Proofs from the database-backed ledger ({@link JdbcLedger}) of {@link ProofFixture#entries()} entries (1,000,000),
 * on an H2 file and on PostgreSQL, in microseconds per proof; leaves and old sizes drawn at random.
 * <ul>
 *   <li>{@code inclusionProof}: {@link JdbcLedger#inclusionProof} of a random leaf in the whole tree.</li>
 *   <li>{@code consistencyProof}: {@link JdbcLedger#consistencyProof} from a random size to the whole tree.</li>
 *   <li>{@code baselineReadEntry}: the baseline, {@link JdbcLedger#entry}: one row read by primary key through the
 *       same pool and client.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerProofBenchmark {

    @Param({"h2", "postgresql"})
    public String db;

    private BenchDatabase database;
    private JdbcLedger ledger;
    private long size;

    /** Where the next proof points: a fixed-seed random sequence, the same in every trial. */
    @State(Scope.Thread)
    public static class Draws {
        private final SplittableRandom random = new SplittableRandom(20260105L);

        long below(long bound) {
            return random.nextLong(bound);
        }
    }

    @Setup(Level.Trial)
    public void open() {
        database = ProofFixture.open(db);
        ledger = database.database().casebook().ledger();
        size = ProofFixture.entries();
        if (ledger.size() < size) {
            throw new IllegalStateException("the ledger holds " + ledger.size() + " entries, fewer than " + size);
        }
        ProofFixture.check(ledger, size);
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public List<byte[]> inclusionProof(Draws draws) {
        return ledger.inclusionProof(draws.below(size), size);
    }

    @Benchmark
    public List<byte[]> consistencyProof(Draws draws) {
        return ledger.consistencyProof(1 + draws.below(size - 1), size);
    }

    @Benchmark
    public Optional<LedgerEntry> baselineReadEntry(Draws draws) {
        return ledger.entry(draws.below(size));
    }
}
