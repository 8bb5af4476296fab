package io.forewarn.ledger;

import java.util.Objects;

/**
 * An inclusion or consistency proof that does not verify, with the reason. Thrown by the
 * verifiers for untrusted input (a proof, root or size received from a log); the proof
 * generators throw {@link IllegalArgumentException} instead, since asking them for an impossible
 * proof is a bug in the caller.
 */
public class ProofException extends RuntimeException {

    /** Why a proof was rejected. */
    public enum Reason {
        /** A size or index is negative (as an RFC 9162 uint64 it would be at least 2^63). */
        NEGATIVE_NUMBER,
        /** The leaf index is not below the tree size, so the leaf is not in the tree. */
        INDEX_NOT_BELOW_SIZE,
        /** The first tree of a consistency proof is larger than the second. */
        SIZES_OUT_OF_ORDER,
        /**
         * A consistency proof from the empty tree: every tree extends it, so such a proof shows
         * nothing and is refused rather than reported as a check that passed.
         */
        FROM_EMPTY_TREE,
        /** A leaf hash, proof element or root is not as long as the hasher's hashes. */
        BAD_HASH_LENGTH,
        /** The proof has more or fewer hashes than the sizes (and index) call for. */
        BAD_PROOF_LENGTH,
        /** A root given for a tree of size 0 is not the empty-tree hash, the only root that tree has. */
        NOT_THE_EMPTY_ROOT,
        /** Two heads of the same size with different roots: the log has shown two different trees. */
        SAME_SIZE_DIFFERENT_ROOTS,
        /** The inclusion proof leads to a different root: the leaf, index, size, proof or root is wrong. */
        WRONG_ROOT,
        /** The consistency proof does not lead to the first (older) root. */
        WRONG_FIRST_ROOT,
        /** The consistency proof does not lead to the second (newer) root. */
        WRONG_SECOND_ROOT
    }

    private final Reason reason;

    public ProofException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
