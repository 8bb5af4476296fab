package io.forewarn.ledger;

import java.util.Objects;

/**
 * The one way a leaf joins the log, whatever keeps the hashes (memory, the database, a batch being
 * prepared): like adding 1 to a binary counter, the leaf completes its parent when its index is odd,
 * that parent completes its own when its index is odd, and so on up. Each subtree it completes is
 * hashed here once and handed on to be kept, because a complete subtree never changes in an
 * append-only log; roots and proofs are then folded from the kept subtrees ({@link SubtreeHashes}).
 */
public final class TreeAppend {

    private TreeAppend() {
    }

    /** Where the subtrees an append completes go, the leaf itself first (level 0), then upwards. */
    @FunctionalInterface
    public interface Completed {
        void subtree(int level, long index, byte[] hash);
    }

    /**
     * Appends the leaf {@code leafHash} at {@code index} (the log's size before it).
     *
     * @param kept every subtree completed before this append, and those {@code completed} was handed
     *             during it (a left sibling may have been completed by the same batch)
     * @return the level of the highest subtree completed (0 when the leaf completes nothing more)
     */
    public static int append(LogHasher hasher, SubtreeHashes kept, long index, byte[] leafHash, Completed completed) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (leafHash.length != hasher.size()) {
            throw new IllegalArgumentException("leaf hash is " + leafHash.length + " bytes, not " + hasher.size());
        }
        byte[] hash = leafHash.clone();
        int level = 0;
        long position = index;
        completed.subtree(level, position, hash);
        // an odd position is a right child: its parent is now complete
        while ((position & 1) == 1) {
            hash = hasher.nodeHash(kept.subtreeHash(level, position - 1), hash);
            level++;
            position >>>= 1;
            completed.subtree(level, position, hash);
        }
        return level;
    }
}
