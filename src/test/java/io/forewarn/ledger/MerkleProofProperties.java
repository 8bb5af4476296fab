package io.forewarn.ledger;

import io.forewarn.ledger.ProofException.Reason;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.forewarn.ledger.TestTrees.SHA_256;
import static io.forewarn.ledger.TestTrees.flipBit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

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

    private static Gen<Integer> sizes() {
        return Generate.frequency(
                Pair.of(1, arbitrary().pick(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1023, 1024, 1025, 2047, 2048, 2049, MAX)),
                Pair.of(3, integers().between(0, MAX)));
    }

    private static Gen<Integer> nonEmptySizes() {
        return sizes().assuming(n -> n > 0);
    }

    /** Picks a leaf or an older tree size as the remainder by the tree size. */
    private static Gen<Integer> seeds() {
        return integers().between(0, MAX - 1);
    }

    /** Picks what a tampering alters (another entry, a bit, an element) as a remainder. */
    private static Gen<Integer> picks() {
        return integers().between(0, 1 << 20);
    }

    @Test
    void rootIsTheRfcTreeHashAndAFreshTreeAgrees() {
        qt().withExamples(200).forAll(sizes()).checkAssert(n -> {
            List<byte[]> leaves = LEAVES.subList(0, n);
            byte[] reference = ReferenceMerkle.mth(leaves);

            assertThat(LOG.root(n)).isEqualTo(reference);
            assertThat(TestTrees.treeOf(leaves).root()).isEqualTo(reference);
            assertThat(TreeHash.root(SHA_256, leaves)).isEqualTo(reference);
        });
    }

    @Test
    void everyInclusionProofIsTheRfcPathAndVerifies() {
        qt().withExamples(300).forAll(nonEmptySizes(), seeds()).checkAssert((n, seed) -> {
            int index = seed % n;
            List<byte[]> proof = LOG.inclusionProof(index, n);

            assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.path(index, LEAVES.subList(0, n)));
            assertThatCode(() -> InclusionProofs.verify(SHA_256, index, n, LEAVES.get(index), proof, LOG.root(n)))
                    .doesNotThrowAnyException();
        });
    }

    enum InclusionTampering {
        OTHER_LEAF, OTHER_INDEX, INDEX_AT_SIZE, OTHER_SIZE_WITH_ITS_ROOT, TRUNCATED, EXTENDED,
        FLIPPED_PROOF_BIT, FLIPPED_LEAF_BIT, FLIPPED_ROOT_BIT
    }

    /** What a verifier is asked to accept; {@code expected} null: rejected, the reason depends on the numbers. */
    record InclusionClaim(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root, Reason expected) {
    }

    @Test
    void tamperedInclusionProofIsRejected() {
        qt().withExamples(600).forAll(nonEmptySizes(), seeds(), arbitrary().enumValues(InclusionTampering.class), picks())
                .assuming((n, seed, tampering, pick) -> tampered(n, seed % n, tampering, pick).isPresent())
                .checkAssert((n, seed, tampering, pick) -> {
                    int index = seed % n;
                    InclusionClaim claim = tampered(n, index, tampering, pick).orElseThrow();

                    var rejection = assertThatThrownBy(() -> InclusionProofs.verify(
                            SHA_256, claim.index(), claim.size(), claim.leaf(), claim.proof(), claim.root()))
                            .as("%s: leaf %s of %s", tampering, index, n)
                            .isInstanceOf(ProofException.class);
                    if (claim.expected() != null) {
                        rejection.extracting(e -> ((ProofException) e).reason()).isEqualTo(claim.expected());
                    }
                });
    }

    /**
     * The honest claim for leaf {@code index} of a tree of {@code n}, tampered with; empty when the
     * tampering cannot apply, which the property assumes away.
     */
    private static Optional<InclusionClaim> tampered(int n, int index, InclusionTampering tampering, int pick) {
        byte[] leaf = LEAVES.get(index);
        List<byte[]> proof = LOG.inclusionProof(index, n);
        byte[] root = LOG.root(n);

        Reason expected = null;
        long claimedIndex = index;
        long claimedSize = n;
        switch (tampering) {
            case OTHER_LEAF -> {
                leaf = LEAVES.get((index + 1 + pick % (MAX - 1)) % MAX);
                expected = Reason.WRONG_ROOT;
            }
            case OTHER_INDEX -> {
                if (n == 1) {
                    return Optional.empty();
                }
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
                if (claimedSize == n) {
                    return Optional.empty();
                }
                root = LOG.root(claimedSize);
            }
            case TRUNCATED -> {
                if (proof.isEmpty()) {
                    return Optional.empty();
                }
                proof = proof.subList(0, proof.size() - 1);
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case EXTENDED -> {
                proof = new ArrayList<>(proof);
                proof.add(LEAVES.get(pick % MAX));
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case FLIPPED_PROOF_BIT -> {
                if (proof.isEmpty()) {
                    return Optional.empty();
                }
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
        return Optional.of(new InclusionClaim(claimedIndex, claimedSize, leaf, proof, root, expected));
    }

    @Test
    void everyConsistencyProofIsTheRfcProofAndVerifies() {
        qt().withExamples(300).forAll(nonEmptySizes(), seeds()).checkAssert((n, seed) -> {
            int m = 1 + seed % n;
            List<byte[]> proof = LOG.consistencyProof(m, n);

            assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.proof(m, LEAVES.subList(0, n)));
            assertThatCode(() -> ConsistencyProofs.verify(SHA_256, m, n, LOG.root(m), LOG.root(n), proof))
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void aTreeIsConsistentWithItselfWithAnEmptyProof() {
        qt().withExamples(100).forAll(sizes()).checkAssert(n ->
                assertThatCode(() -> ConsistencyProofs.verify(SHA_256, n, n, LOG.root(n), LOG.root(n), List.of()))
                        .doesNotThrowAnyException());
    }

    /** Consistency is about the old entries only: whatever was appended after them is consistent. */
    @Test
    void differentEntriesAfterTheOldTreeAreStillConsistent() {
        qt().withExamples(150).forAll(nonEmptySizes(), seeds(), picks())
                .assuming((n, seed, pick) -> 1 + seed % n < n)
                .checkAssert((n, seed, pick) -> {
                    int m = 1 + seed % n;
                    List<byte[]> other = new ArrayList<>(LEAVES.subList(0, n));
                    other.set(m + pick % (n - m), SHA_256.leafHash(new byte[] {42}));
                    List<byte[]> proof = ReferenceMerkle.proof(m, other);

                    assertThatCode(() -> ConsistencyProofs.verify(SHA_256, m, n, LOG.root(m), ReferenceMerkle.mth(other), proof))
                            .doesNotThrowAnyException();
                });
    }

    enum ConsistencyTampering {
        REWRITTEN_OLD_ENTRY, OTHER_FIRST_SIZE_WITH_ITS_ROOT, OTHER_SECOND_SIZE_WITH_ITS_ROOT, SWAPPED_ROOTS,
        TRUNCATED, EXTENDED, FLIPPED_PROOF_BIT, FLIPPED_FIRST_ROOT_BIT, FLIPPED_SECOND_ROOT_BIT, FROM_EMPTY_TREE
    }

    /** What a verifier is asked to accept; {@code expected} null: rejected, the reason depends on the numbers. */
    record ConsistencyClaim(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof, Reason expected) {
    }

    @Test
    void tamperedConsistencyProofIsRejected() {
        qt().withExamples(600).forAll(nonEmptySizes(), seeds(), arbitrary().enumValues(ConsistencyTampering.class), picks())
                .assuming((n, seed, tampering, pick) -> tampered(1 + seed % n, n, tampering, pick).isPresent())
                .checkAssert((n, seed, tampering, pick) -> {
                    int m = 1 + seed % n;
                    ConsistencyClaim claim = tampered(m, n, tampering, pick).orElseThrow();

                    var rejection = assertThatThrownBy(() -> ConsistencyProofs.verify(
                            SHA_256, claim.size1(), claim.size2(), claim.root1(), claim.root2(), claim.proof()))
                            .as("%s: from %s to %s", tampering, m, n)
                            .isInstanceOf(ProofException.class);
                    if (claim.expected() != null) {
                        rejection.extracting(e -> ((ProofException) e).reason()).isEqualTo(claim.expected());
                    }
                });
    }

    /**
     * The honest claim that the tree of {@code m} is a prefix of that of {@code n}, tampered with;
     * empty when the tampering cannot apply, which the property assumes away.
     */
    private static Optional<ConsistencyClaim> tampered(int m, int n, ConsistencyTampering tampering, int pick) {
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
                if (size1 == m) {
                    return Optional.empty();
                }
                root1 = LOG.root(size1);
            }
            case OTHER_SECOND_SIZE_WITH_ITS_ROOT -> {
                size2 = m + pick % (MAX - m + 1);
                if (size2 == n) {
                    return Optional.empty();
                }
                root2 = LOG.root(size2);
            }
            case SWAPPED_ROOTS -> {
                if (m == n) {
                    return Optional.empty();
                }
                byte[] swap = root1;
                root1 = root2;
                root2 = swap;
            }
            case TRUNCATED -> {
                if (proof.isEmpty()) {
                    return Optional.empty();
                }
                proof = proof.subList(0, proof.size() - 1);
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case EXTENDED -> {
                proof = new ArrayList<>(proof);
                proof.add(LEAVES.get(pick % MAX));
                expected = Reason.BAD_PROOF_LENGTH;
            }
            case FLIPPED_PROOF_BIT -> {
                if (proof.isEmpty()) {
                    return Optional.empty();
                }
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
        return Optional.of(new ConsistencyClaim(size1, size2, root1, root2, proof, expected));
    }
}
