package io.forewarn.ledger;

import io.forewarn.ledger.ProofException.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Consistency proofs (RFC 9162 §2.1.4): that the tree of {@code size2} leaves begins with the
 * tree of {@code size1} leaves, i.e. that the log only appended in between. Pure functions of
 * sizes and hashes, like {@link InclusionProofs}.
 *
 * <p>The proof from 3 to 7 (the RFC's own example) is the hashes marked *:
 * <pre>
 *                  root₇
 *            ┌──────┴──────┐
 *         [0,4)          [4,7)*
 *        ┌──┴──┐        ┌──┴──┐
 *    [0,2)*  [2,4)   [4,6)    6
 *            ┌─┴─┐
 *            2*  3*
 *
 *    proof(3, 7) = [ 2, 3, [0,2), [4,7) ]
 * </pre>
 * From 2, [0,2) the verifier rebuilds root₃ = node([0,2), 2); adding 3 and [4,7) it rebuilds root₇.
 *
 * <p>Two edge cases the RFC's algorithm leaves out are decided here: equal sizes need an empty
 * proof and equal roots (a size-0 tree's root must be the empty-tree hash); a proof from size 0 is
 * refused, since every tree extends the empty one and "verified" would claim a check that did not
 * happen. This agrees with the transparency-dev reference vectors.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {
    }

    /**
     * PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1, ordered from the bottom of the tree up; empty
     * when the sizes are equal. O(log size2) subtree lookups: at most one element is a right-hand
     * part folded from several perfect subtrees, every other one is a single perfect subtree.
     *
     * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}
     */
    public static List<byte[]> prove(LogHasher hasher, SubtreeHashes subtrees, long size1, long size2) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(subtrees, "subtrees");
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2
                    + " (the sizes must satisfy 0 < size1 <= size2)");
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = size2;
        // SUBPROOF's flag b: true while the current subtree is still a prefix of both trees' roots
        boolean wholeOldTree = true;
        while (end != size1) {
            long k = TreeMath.splitPoint(end - start);
            if (size1 <= start + k) {
                topDown.add(TreeHash.range(hasher, subtrees, start + k, end));
                end = start + k;
            } else {
                topDown.add(TreeHash.range(hasher, subtrees, start, start + k));
                start += k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            // the old tree's right-most subtree, which the verifier cannot know from root₁ alone
            topDown.add(TreeHash.range(hasher, subtrees, start, end));
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /**
     * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2 (for
     * {@code 0 < size1 < size2}) and the edge cases described on the class.
     *
     * @throws ProofException naming the first reason the proof fails
     */
    public static void verify(LogHasher hasher, long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        Objects.requireNonNull(proof, "proof");
        if (size1 < 0 || size2 < 0) {
            throw new ProofException(Reason.NEGATIVE_NUMBER, "sizes " + size1 + " and " + size2);
        }
        if (size1 > size2) {
            throw new ProofException(Reason.SIZES_OUT_OF_ORDER, "size1 " + size1 + " is above size2 " + size2);
        }
        if (size1 == size2) {
            verifySameSize(hasher, size1, root1, root2, proof);
            return;
        }
        if (size1 == 0) {
            throw new ProofException(Reason.FROM_EMPTY_TREE, "every tree extends the empty tree; nothing to prove");
        }
        Hashes.requireLength(hasher, root1, "root1");
        Hashes.requireLength(hasher, root2, "root2");
        Hashes.requireLengths(hasher, proof);
        int expected = TreeMath.consistencyProofLength(size1, size2);
        if (proof.size() != expected) {
            throw new ProofException(Reason.BAD_PROOF_LENGTH, "from " + size1 + " to " + size2 + " needs "
                    + expected + " hashes, the proof has " + proof.size());
        }

        // RFC 9162 §2.1.4.2, steps 2 to 7
        List<byte[]> path = proof;
        if (TreeMath.isPowerOfTwo(size1)) {
            // the old tree is a perfect subtree of the new one, so its root is the first hash
            path = new ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException(Reason.BAD_PROOF_LENGTH, "the proof goes past the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.nodeHash(c, fr);
                sr = hasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException(Reason.BAD_PROOF_LENGTH, "the proof stops below the root");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new ProofException(Reason.WRONG_FIRST_ROOT, "the proof leads to " + Hashes.hex(fr)
                    + " for size " + size1 + ", not " + Hashes.hex(root1));
        }
        if (!Arrays.equals(sr, root2)) {
            throw new ProofException(Reason.WRONG_SECOND_ROOT, "the proof leads to " + Hashes.hex(sr)
                    + " for size " + size2 + ", not " + Hashes.hex(root2));
        }
    }

    /**
     * Two heads of one size are consistent only if they are the same head. Their roots are
     * compared, not checked for form: with equal sizes the proof asserts nothing beyond that.
     */
    private static void verifySameSize(LogHasher hasher, long size, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (!proof.isEmpty()) {
            throw new ProofException(Reason.BAD_PROOF_LENGTH, "equal sizes need an empty proof, it has " + proof.size() + " hashes");
        }
        if (size == 0) {
            byte[] empty = hasher.emptyRoot();
            if (!Arrays.equals(root1, empty) || !Arrays.equals(root2, empty)) {
                throw new ProofException(Reason.NOT_THE_EMPTY_ROOT, "a tree of size 0 has root " + Hashes.hex(empty));
            }
        }
        if (!Arrays.equals(root1, root2)) {
            throw new ProofException(Reason.SAME_SIZE_DIFFERENT_ROOTS, "two roots for size " + size + ": "
                    + Hashes.hex(root1) + " and " + Hashes.hex(root2));
        }
    }
}
