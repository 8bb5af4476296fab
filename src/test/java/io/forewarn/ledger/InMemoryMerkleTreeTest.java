package io.forewarn.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static io.forewarn.ledger.TestTrees.EMPTY_ROOT;
import static io.forewarn.ledger.TestTrees.SHA_256;
import static io.forewarn.ledger.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryMerkleTreeTest {

    @Test
    void emptyTreeHasTheEmptyRoot() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);

        assertThat(tree.size()).isZero();
        assertThat(hex(tree.root())).isEqualTo(EMPTY_ROOT);
    }

    @Test
    void rfc6962ReferenceTreeHasTheKnownRootAtEverySize() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);
        for (int n = 0; n < TestTrees.RFC6962_LEAVES.size(); n++) {
            assertThat(tree.appendEntry(hex(TestTrees.RFC6962_LEAVES.get(n)))).isEqualTo(n);
            assertThat(hex(tree.root())).as("root of %s", n + 1).isEqualTo(TestTrees.RFC6962_ROOTS.get(n));
        }
        // and the earlier roots stay available after later appends
        for (int n = 1; n <= 8; n++) {
            assertThat(hex(tree.root(n))).isEqualTo(TestTrees.RFC6962_ROOTS.get(n - 1));
        }
    }

    /** RFC 9162 §2.1.5's example tree of 7 leaves d0 … d6: the proofs are the ones the RFC lists. */
    @Test
    void rfc9162ExampleProofsOfTheTreeOfSeven() {
        List<byte[]> leaves = TestTrees.leafHashes(7);
        InMemoryMerkleTree tree = TestTrees.treeOf(leaves);
        // the RFC's names: a … f and j are the leaf hashes of d0 … d5 and d6
        byte[] a = leaves.get(0);
        byte[] b = leaves.get(1);
        byte[] c = leaves.get(2);
        byte[] d = leaves.get(3);
        byte[] e = leaves.get(4);
        byte[] f = leaves.get(5);
        byte[] j = leaves.get(6);
        byte[] g = SHA_256.nodeHash(a, b);
        byte[] h = SHA_256.nodeHash(c, d);
        byte[] i = SHA_256.nodeHash(e, f);
        byte[] k = SHA_256.nodeHash(g, h);
        byte[] l = SHA_256.nodeHash(i, j);

        assertThat(tree.root()).isEqualTo(SHA_256.nodeHash(k, l));
        assertThat(tree.inclusionProof(0, 7)).containsExactly(b, h, l);
        assertThat(tree.inclusionProof(3, 7)).containsExactly(c, g, l);
        assertThat(tree.inclusionProof(4, 7)).containsExactly(f, j, k);
        assertThat(tree.inclusionProof(6, 7)).containsExactly(i, k);
        assertThat(tree.consistencyProof(3, 7)).containsExactly(c, d, g, l);
        assertThat(tree.consistencyProof(4, 7)).containsExactly(l);
        assertThat(tree.consistencyProof(6, 7)).containsExactly(i, j, k);
    }

    @Test
    void everyProofInEverySmallTreeVerifiesAndIsTheRfcProof() {
        List<byte[]> leaves = TestTrees.leafHashes(40);
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);
        for (int n = 0; n <= 40; n++) {
            List<byte[]> prefix = leaves.subList(0, n);
            byte[] root = tree.root();
            assertThat(root).isEqualTo(ReferenceMerkle.mth(prefix));
            for (int index = 0; index < n; index++) {
                List<byte[]> proof = tree.inclusionProof(index, n);
                assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.path(index, prefix));
                long i = index;
                long size = n;
                assertThatCode(() -> InclusionProofs.verify(SHA_256, i, size, leaves.get((int) i), proof, root)).doesNotThrowAnyException();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(proof).containsExactlyElementsOf(ReferenceMerkle.proof(m, prefix));
                byte[] oldRoot = tree.root(m);
                long size1 = m;
                long size2 = n;
                assertThatCode(() -> ConsistencyProofs.verify(SHA_256, size1, size2, oldRoot, root, proof)).doesNotThrowAnyException();
            }
            if (n < 40) {
                tree.append(leaves.get(n));
            }
        }
    }

    @Test
    void refusesImpossibleRequests() {
        InMemoryMerkleTree tree = TestTrees.treeOf(TestTrees.leafHashes(5));

        assertThatIllegalArgumentException().isThrownBy(() -> tree.root(6));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.root(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(-1, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(0, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(4, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(3, 6));
        // [4,6) at level 1 is not complete in a tree of 5, nor [0,8) at level 3
        assertThatIllegalArgumentException().isThrownBy(() -> tree.subtreeHash(1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.subtreeHash(3, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.append(new byte[31]));
    }

    @Test
    void callersCannotChangeTheStoredTree() {
        byte[] leaf = SHA_256.leafHash(new byte[] {1});
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);
        tree.append(leaf);
        byte[] root = tree.root();

        leaf[0] ^= 1;
        tree.leafHash(0)[0] ^= 1;
        tree.inclusionProof(0, 1).forEach(hash -> hash[0] ^= 1);

        assertThat(tree.root()).isEqualTo(root);
    }

    @Test
    void storesFewerThanTwoHashesPerLeafAndServesAllEarlierSubtrees() {
        InMemoryMerkleTree tree = TestTrees.treeOf(TestTrees.leafHashes(1000));
        long stored = 0;
        for (int level = 0; level < 10; level++) {
            long complete = 1000 >> level;
            for (long index = 0; index < complete; index++) {
                tree.subtreeHash(level, index);
                stored++;
            }
            int atLevel = level;
            assertThatIllegalArgumentException().isThrownBy(() -> tree.subtreeHash(atLevel, complete));
        }
        assertThat(stored).isLessThan(2 * 1000);
    }

    /**
     * The proof functions need O(log n) subtree lookups, whatever n: counted for a million entries
     * and for 2^40, against a source that returns stand-in hashes so no real tree is needed.
     */
    @Test
    void proofsForAMillionEntriesNeedOnlyLogarithmicallyManyLookups() {
        AtomicLong lookups = new AtomicLong();
        byte[] standIn = SHA_256.emptyRoot();
        SubtreeHashes counting = (level, index) -> {
            lookups.incrementAndGet();
            return standIn;
        };
        Random random = new Random(7);
        for (long n : new long[] {1_000_000, 1_000_001, 1 << 20, (1L << 40) + 12345}) {
            int bound = 2 * TreeMath.bitLength(n);
            lookups.set(0);
            TreeHash.root(SHA_256, counting, n);
            assertThat(lookups.get()).as("root of %s", n).isEqualTo(Long.bitCount(n));
            for (int trial = 0; trial < 200; trial++) {
                long index = Math.floorMod(random.nextLong(), n);
                lookups.set(0);
                List<byte[]> proof = InclusionProofs.prove(SHA_256, counting, index, n);
                assertThat(proof).hasSize(TreeMath.inclusionProofLength(index, n));
                assertThat(lookups.get()).as("inclusion of %s in %s", index, n).isLessThanOrEqualTo(bound);

                long m = 1 + Math.floorMod(random.nextLong(), n);
                lookups.set(0);
                List<byte[]> consistency = ConsistencyProofs.prove(SHA_256, counting, m, n);
                assertThat(consistency).hasSize(m == n ? 0 : TreeMath.consistencyProofLength(m, n));
                assertThat(lookups.get()).as("consistency from %s to %s", m, n).isLessThanOrEqualTo(bound);
            }
        }
    }
}
