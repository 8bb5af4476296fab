package io.forewarn.ledger;

import io.forewarn.ledger.ProofException.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Inclusion proofs (RFC 9162 §2.1.3): that the leaf at an index is in the tree of a given size
 * and root. Pure functions of sizes, indices and hashes, so the same code serves the log and an
 * offline verifier.
 *
 * <p>The proof for leaf 2 in a tree of 7 is the hashes marked *, bottom to top:
 * <pre>
 *                  root
 *            ┌──────┴──────┐
 *         [0,4)          [4,7)*
 *        ┌──┴──┐        ┌──┴──┐
 *    [0,2)*  [2,4)   [4,6)    6
 *            ┌─┴─┐
 *            2   3*
 *
 *    proof(2, 7) = [ 3, [0,2), [4,7) ]
 * </pre>
 * [4,7) is not a perfect subtree; it is folded from [4,6) and 6 (see {@link TreeHash}). The
 * verifier rebuilds the root from the leaf hash and those siblings.
 */
public final class InclusionProofs {

    private InclusionProofs() {
    }

    /**
     * PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, ordered from the leaf's sibling up to the root's
     * other child. O(log size) subtree lookups: every sibling is a perfect subtree except at most
     * one, the right-hand part of the first split the leaf falls left of, which is folded from
     * O(log size) perfect subtrees.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static List<byte[]> prove(LogHasher hasher, SubtreeHashes subtrees, long index, long size) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(subtrees, "subtrees");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
        }
        // walk down from the root, keeping the sibling of the half that holds the leaf
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = TreeMath.splitPoint(end - start);
            if (index < start + k) {
                topDown.add(TreeHash.range(hasher, subtrees, start + k, end));
                end = start + k;
            } else {
                topDown.add(TreeHash.range(hasher, subtrees, start, start + k));
                start += k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /**
     * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2. Before it runs, the
     * numbers, hash lengths and proof length are checked, so that a malformed proof is named as
     * such rather than reported as a wrong root.
     *
     * @throws ProofException naming the first reason the proof fails
     */
    public static void verify(LogHasher hasher, long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        if (index < 0 || size < 0) {
            throw new ProofException(Reason.NEGATIVE_NUMBER, "index " + index + ", size " + size);
        }
        if (index >= size) {
            throw new ProofException(Reason.INDEX_NOT_BELOW_SIZE, "index " + index + ", size " + size);
        }
        Hashes.requireLength(hasher, leafHash, "leaf hash");
        Hashes.requireLengths(hasher, proof);
        int expected = TreeMath.inclusionProofLength(index, size);
        if (proof.size() != expected) {
            throw new ProofException(Reason.BAD_PROOF_LENGTH, "leaf " + index + " of " + size + " needs "
                    + expected + " hashes, the proof has " + proof.size());
        }

        // RFC 9162 §2.1.3.2, steps 2 to 5
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException(Reason.BAD_PROOF_LENGTH, "the proof goes past the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.nodeHash(p, r);
                // a right-most node with no right sibling at these levels moves up unchanged
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hasher.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException(Reason.BAD_PROOF_LENGTH, "the proof stops below the root");
        }
        if (!Arrays.equals(r, root)) {
            throw new ProofException(Reason.WRONG_ROOT, "leaf " + index + " of " + size
                    + " leads to " + Hashes.hex(r) + ", not " + Hashes.hex(root));
        }
    }
}
