package io.forewarn.bench;

import io.forewarn.ledger.InMemoryMerkleTree;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.ledger.LogHasher;
import io.forewarn.ledger.Rfc9162Hasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Proofs from {@link InMemoryMerkleTree} holding {@link ProofFixture#entries()} leaves (1,000,000), in microseconds
 * per proof, leaves and old sizes drawn as in {@link LedgerProofBenchmark}.
 * <ul>
 *   <li>{@code inclusionProof}, {@code consistencyProof}: as there, from the tree in memory.</li>
 *   <li>{@code baselineSha256Leaf}: the baseline, one RFC 9162 leaf hash (SHA-256) of one entry of the ledger's
 *       size and shape.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryProofBenchmark {

    private static final LogHasher HASHER = Rfc9162Hasher.SHA_256;

    private InMemoryMerkleTree tree;
    private long size;
    private byte[] entry;

    @Setup(Level.Trial)
    public void fill() {
        size = ProofFixture.entries();
        tree = new InMemoryMerkleTree(HASHER);
        for (long i = 0; i < size; i++) {
            tree.appendEntry(entry(i));
        }
        entry = entry(size / 2);
        long index = size / 3;
        InclusionProofs.verify(HASHER, index, size, HASHER.leafHash(entry(index)), tree.inclusionProof(index, size), tree.root());
    }

    /** An entry like the ledger's canonical JSON, of its usual length (about 250 bytes). */
    private static byte[] entry(long index) {
        return ("{\"event\":{\"actor\":\"analyst-" + (index % 17) + "\",\"at\":\"2026-01-05T08:00:00Z\",\"subject\":\"O-"
                + (100_000 + index / 6) + "\",\"summary\":\"warning issued for O-" + (100_000 + index / 6) + " (report R-"
                + (index / 60) + ", party P-" + (index % 211) + "), under policy version 3\",\"type\":\"warning-issued\"},"
                + "\"index\":" + index + ",\"time\":\"2026-01-05T08:00:00.125Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public List<byte[]> inclusionProof(LedgerProofBenchmark.Draws draws) {
        return tree.inclusionProof(draws.below(size), size);
    }

    @Benchmark
    public List<byte[]> consistencyProof(LedgerProofBenchmark.Draws draws) {
        return tree.consistencyProof(1 + draws.below(size - 1), size);
    }

    @Benchmark
    public byte[] baselineSha256Leaf() {
        return HASHER.leafHash(entry);
    }
}
