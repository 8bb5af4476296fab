package io.forewarn.ledger;

import io.forewarn.ledger.ProofException.Reason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static io.forewarn.ledger.TestTrees.SHA_256;
import static io.forewarn.ledger.TestTrees.flipBit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For random tree sizes, including 0, 1, powers of two and their neighbours: every proof the tree
 * generates is the RFC's and verifies, and every kind of tampering is rejected.
 *
 * <p>All trees here are prefixes of one log of {@link #MAX} entries, which the in-memory tree
 * serves for any earlier size; the reference implementation recomputes each from the leaves.
 */
class MerkleProofProperties {

    private static final int MAX = 3000;
    private static final List<byte[]> LEAVES = TestTrees.leafHashes(MAX);
    private static final InMemoryMerkleTree LOG = TestTrees.treeOf(LEAVES);

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1023, 1024, 1025, 2047, 2048, 2049, MAX)),
                Tuple.of(3, Arbitraries.integers().between(0, MAX)));
    }

    @Provide
    Arbitrary<Integer> nonEmptySizes() {
        return sizes().filter(n -> n > 0);
    }

    @Property(tries = 200)
    void rootIsTheRfcTreeHashAndAFreshTreeAgrees(@ForAll("sizes") int n) {
        List<byte[]> leaves = LEAVES.subList(0, n);
        byte[] reference = ReferenceMerkle.mth(leaves);

        assertThat(LOG.root(n)).isEqualTo(reference);
        assertThat(TestTrees.treeOf(leaves).root()).isEqualTo(reference);
        assertThat(TreeHash.root(SHA_256, leaves)).isEqualTo(reference);
    }

    @Property(tries = 300)
    void everyInclusionProofIsTheRfcPathAndVerifies(@ForAll("nonEmptySizes") int n, @ForAll @IntRange(min = 0, max = MAX - 1) int seed) {
        int index = seed % n;
        List<byte[]> proof = LOG.inclusionProof(index, n);

        assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.path(index, LEAVES.subList(0, n)));
        assertThatCode(() -> InclusionProofs.verify(SHA_256, index, n, LEAVES.get(index), proof, LOG.root(n)))
                .doesNotThrowAnyException();
    }

    enum InclusionTampering {
        OTHER_LEAF, OTHER_INDEX, INDEX_AT_SIZE, OTHER_SIZE_WITH_ITS_ROOT, TRUNCATED, EXTENDED,
        FLIPPED_PROOF_BIT, FLIPPED_LEAF_BIT, FLIPPED_ROOT_BIT
    }

    @Property(tries = 600)
    void tamperedInclusionProofIsRejected(@ForAll("nonEmptySizes") int n, @ForAll @IntRange(min = 0, max = MAX - 1) int seed,
                                          @ForAll InclusionTampering tampering, @ForAll @IntRange(min = 0, max = 1 << 20) int pick) {
        int index = seed % n;
        byte[] leaf = LEAVES.get(index);
        List<byte[]> proof = LOG.inclusionProof(index, n);
        byte[] root = LOG.root(n);

        Reason expected = null; // null: rejected, the reason depends on the numbers
        long claimedIndex = index;
        long claimedSize = n;
        switch (tampering) {
            case OTHER_LEAF -> {
                leaf = LEAVES.get((index + 1 + pick % (MAX - 1)) % MAX);
                expected = Reason.WRONG_ROOT;
            }
            case OTHER_INDEX -> {
                Assume.that(n > 1);
                claimedIndex = (index + 1 + pick % (n - 1)) % n;
            }
            case INDEX_AT_SIZE -> {
                claimedIndex = n + pick % 3;
                expected = Reason.INDEX_NOT_BELOW_SIZE;
            }
            case OTHER_SIZE_WITH_ITS_ROOT -> {
                // a size alone, with the original root, can share the proof's shape (leaf 0 of 6 and of 7):
                // the root is what binds the tree, and a signed head always pairs a size with its own root
                claimedSize = index + 1 + pick % (MAX - index);
                Assume.that(claimedSize != n);
                root = LOG.root(claimedSize);
            }
            case TRUNCATED -> {
                Assume.that(!proof.isEmpty());
                proof = proof.subList(0, proof.size() - 1);
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case EXTENDED -> {
                proof = new ArrayList<>(proof);
                proof.add(LEAVES.get(pick % MAX));
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case FLIPPED_PROOF_BIT -> {
                Assume.that(!proof.isEmpty());
                proof = new ArrayList<>(proof);
                int element = pick % proof.size();
                proof.set(element, flipBit(proof.get(element), pick % 256));
                expected = Reason.WRONG_ROOT;
            }
            case FLIPPED_LEAF_BIT -> {
                leaf = flipBit(leaf, pick % 256);
                expected = Reason.WRONG_ROOT;
            }
            case FLIPPED_ROOT_BIT -> {
                root = flipBit(root, pick % 256);
                expected = Reason.WRONG_ROOT;
            }
        }
        long i = claimedIndex;
        long size = claimedSize;
        byte[] l = leaf;
        List<byte[]> p = proof;
        byte[] r = root;
        var rejection = assertThatThrownBy(() -> InclusionProofs.verify(SHA_256, i, size, l, p, r))
                .as("%s: leaf %s of %s", tampering, index, n)
                .isInstanceOf(ProofException.class);
        if (expected != null) {
            rejection.extracting(e -> ((ProofException) e).reason()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void everyConsistencyProofIsTheRfcProofAndVerifies(@ForAll("nonEmptySizes") int n, @ForAll @IntRange(min = 0, max = MAX - 1) int seed) {
        int m = 1 + seed % n;
        List<byte[]> proof = LOG.consistencyProof(m, n);

        assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.proof(m, LEAVES.subList(0, n)));
        assertThatCode(() -> ConsistencyProofs.verify(SHA_256, m, n, LOG.root(m), LOG.root(n), proof))
                .doesNotThrowAnyException();
    }

    @Property(tries = 100)
    void aTreeIsConsistentWithItselfWithAnEmptyProof(@ForAll("sizes") int n) {
        assertThatCode(() -> ConsistencyProofs.verify(SHA_256, n, n, LOG.root(n), LOG.root(n), List.of()))
                .doesNotThrowAnyException();
    }

    /** Consistency is about the old entries only: whatever was appended after them is consistent. */
    @Property(tries = 150)
    void differentEntriesAfterTheOldTreeAreStillConsistent(@ForAll("nonEmptySizes") int n, @ForAll @IntRange(min = 0, max = MAX - 1) int seed,
                                                          @ForAll @IntRange(min = 0, max = 1 << 20) int pick) {
        int m = 1 + seed % n;
        Assume.that(m < n);
        List<byte[]> other = new ArrayList<>(LEAVES.subList(0, n));
        other.set(m + pick % (n - m), SHA_256.leafHash(new byte[] {42}));
        List<byte[]> proof = ReferenceMerkle.proof(m, other);

        assertThatCode(() -> ConsistencyProofs.verify(SHA_256, m, n, LOG.root(m), ReferenceMerkle.mth(other), proof))
                .doesNotThrowAnyException();
    }

    enum ConsistencyTampering {
        REWRITTEN_OLD_ENTRY, OTHER_FIRST_SIZE_WITH_ITS_ROOT, OTHER_SECOND_SIZE_WITH_ITS_ROOT, SWAPPED_ROOTS,
        TRUNCATED, EXTENDED, FLIPPED_PROOF_BIT, FLIPPED_FIRST_ROOT_BIT, FLIPPED_SECOND_ROOT_BIT, FROM_EMPTY_TREE
    }

    @Property(tries = 600)
    void tamperedConsistencyProofIsRejected(@ForAll("nonEmptySizes") int n, @ForAll @IntRange(min = 0, max = MAX - 1) int seed,
                                            @ForAll ConsistencyTampering tampering, @ForAll @IntRange(min = 0, max = 1 << 20) int pick) {
        int m = 1 + seed % n;
        List<byte[]> proof = LOG.consistencyProof(m, n);
        byte[] root1 = LOG.root(m);
        byte[] root2 = LOG.root(n);
        long size1 = m;
        long size2 = n;

        Reason expected = null;
        switch (tampering) {
            case REWRITTEN_OLD_ENTRY -> {
                // the log rewrites an entry it had already committed to in root1, and proves from the new tree
                List<byte[]> forked = new ArrayList<>(LEAVES.subList(0, n));
                forked.set(pick % m, SHA_256.leafHash(new byte[] {42}));
                proof = ReferenceMerkle.proof(m, forked);
                root2 = ReferenceMerkle.mth(forked);
                // when m is a power of two the verifier starts from root1 itself, so the mismatch shows at root2
                expected = m == n ? Reason.SAME_SIZE_DIFFERENT_ROOTS
                        : TreeMath.isPowerOfTwo(m) ? Reason.WRONG_SECOND_ROOT : Reason.WRONG_FIRST_ROOT;
            }
            case OTHER_FIRST_SIZE_WITH_ITS_ROOT -> {
                size1 = 1 + pick % n;
                Assume.that(size1 != m);
                root1 = LOG.root(size1);
            }
            case OTHER_SECOND_SIZE_WITH_ITS_ROOT -> {
                size2 = m + pick % (MAX - m + 1);
                Assume.that(size2 != n);
                root2 = LOG.root(size2);
            }
            case SWAPPED_ROOTS -> {
                Assume.that(m < n);
                byte[] swap = root1;
                root1 = root2;
                root2 = swap;
            }
            case TRUNCATED -> {
                Assume.that(!proof.isEmpty());
                proof = proof.subList(0, proof.size() - 1);
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case EXTENDED -> {
                proof = new ArrayList<>(proof);
                proof.add(LEAVES.get(pick % MAX));
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case FLIPPED_PROOF_BIT -> {
                Assume.that(!proof.isEmpty());
                proof = new ArrayList<>(proof);
                int element = pick % proof.size();
                proof.set(element, flipBit(proof.get(element), pick % 256));
            }
            case FLIPPED_FIRST_ROOT_BIT -> root1 = flipBit(root1, pick % 256);
            case FLIPPED_SECOND_ROOT_BIT -> root2 = flipBit(root2, pick % 256);
            case FROM_EMPTY_TREE -> {
                size1 = 0;
                root1 = SHA_256.emptyRoot();
                proof = List.of();
                expected = Reason.FROM_EMPTY_TREE;
            }
        }
        long s1 = size1;
        long s2 = size2;
        byte[] r1 = root1;
        byte[] r2 = root2;
        List<byte[]> p = proof;
        var rejection = assertThatThrownBy(() -> ConsistencyProofs.verify(SHA_256, s1, s2, r1, r2, p))
                .as("%s: from %s to %s", tampering, m, n)
                .isInstanceOf(ProofException.class);
        if (expected != null) {
            rejection.extracting(e -> ((ProofException) e).reason()).isEqualTo(expected);
        }
    }
}
