package io.forewarn.bench;

import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.ledger.jdbc.JdbcLedger;

import java.nio.file.Path;

/**
 * The ledger the proof benchmarks read: {@link #entries()} events (1,000,000 unless {@code -Dbench.entries}) appended
 * through {@link JdbcCasebook#appendAll} in transactions of {@value #CHUNK}. {@link BenchMain} builds one per
 * database before the benchmarks run and passes its location to the forks in {@code forewarn.bench.proof.<db>};
 * a benchmark run some other way builds its own in its trial setup.
 */
final class ProofFixture {

    static final String PROPERTY = "forewarn.bench.proof.";
    static final int CHUNK = 10_000;

    private ProofFixture() {
    }

    static long entries() {
        return Long.getLong("bench.entries", 1_000_000L);
    }

    static Path work() {
        return Path.of(System.getProperty("bench.work", "target/bench-work"));
    }

    /** The prepared ledger of this kind if {@link BenchMain} passed one, otherwise a new one filled here. */
    static BenchDatabase open(String kind) {
        String location = System.getProperty(PROPERTY + kind);
        if (location != null) {
            return BenchDatabase.attach(kind, location);
        }
        BenchDatabase database = BenchDatabase.create(kind, work(), "proof");
        fill(database, entries());
        return database;
    }

    /** Appends {@code count} events to an empty database; returns the seconds it took. */
    static double fill(BenchDatabase database, long count) {
        JdbcCasebook casebook = database.database().casebook();
        long started = System.nanoTime();
        for (long from = 0; from < count; from += CHUNK) {
            casebook.appendAll(BenchEvents.events(from, (int) Math.min(CHUNK, count - from)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (casebook.ledger().size() != count) {
            throw new IllegalStateException("filled " + casebook.ledger().size() + " entries, not " + count);
        }
        return seconds;
    }

    /**
     * Checks that the ledger answers with proofs that verify against its root, so a benchmark never times a
     * ledger that answers wrongly. Not a test of the proofs (the store tests are); a guard on the fixture.
     */
    static void check(JdbcLedger ledger, long size) {
        byte[] root = ledger.root(size);
        for (long index : new long[] {0, size / 3, size - 1}) {
            InclusionProofs.verify(JdbcLedger.HASHER, index, size, ledger.entry(index).orElseThrow().leafHash(),
                    ledger.inclusionProof(index, size), root);
        }
        long half = Math.max(1, size / 2 + 1);
        ConsistencyProofs.verify(JdbcLedger.HASHER, half, size, ledger.root(half), root, ledger.consistencyProof(half, size));
    }
}
