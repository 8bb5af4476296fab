package io.forewarn.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle log held in memory as its "tree of perfect subtrees": for each level L, the hashes of
 * every complete subtree of {@code 2^L} leaves, in order. Level 0 is the leaf hashes.
 *
 * <p>Appending a leaf is {@link TreeAppend}'s: each subtree the leaf completes is hashed once and kept.
 * Hence, for n leaves:
 * <ul>
 *   <li>{@link #append}: amortised O(1) node hashes (at most log n for one append, fewer than n in total);
 *   <li>{@link #root(long)} for any size up to n: O(log n) lookups and node hashes;
 *   <li>{@link #inclusionProof} and {@link #consistencyProof} for any sizes up to n: O(log n);
 *   <li>memory: fewer than 2n hashes, about 64 MB for 1,000,000 entries with SHA-256. The columns
 *       are Java arrays, so one tree holds at most about 67 million leaves.
 * </ul>
 * Historical roots and proofs come from the same store, because the subtrees of any earlier size
 * are among those kept. A database-backed log can keep the same hashes in a table keyed by
 * (level, index) and hand them to the pure proof functions through {@link SubtreeHashes}.
 *
 * <p>Safe for concurrent use: every method holds the tree's lock, so a proof sees one state.
 */
public final class InMemoryMerkleTree implements SubtreeHashes {

    private final LogHasher hasher;
    private final List<HashColumn> levels = new ArrayList<>();
    private long size;

    public InMemoryMerkleTree(LogHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public LogHasher hasher() {
        return hasher;
    }

    /** Appends an entry, hashing it as a leaf; returns its index. */
    public long appendEntry(byte[] entry) {
        return append(hasher.leafHash(entry));
    }

    /** Appends a leaf hash computed elsewhere (for example read back from storage); returns its index. */
    public synchronized long append(byte[] leafHash) {
        long index = size;
        TreeAppend.append(hasher, this::stored, index, leafHash, (level, position, hash) -> column(level).add(hash));
        size = index + 1;
        return index;
    }

    public synchronized long size() {
        return size;
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        return subtreeHash(0, index);
    }

    /** @throws IllegalArgumentException if that subtree is not complete in this tree */
    @Override
    public synchronized byte[] subtreeHash(int level, long index) {
        return stored(level, index);
    }

    private byte[] stored(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index
                    + " in a tree of size " + size);
        }
        return levels.get(level).get(index);
    }

    /** The root of the whole tree as it is now. */
    public synchronized byte[] root() {
        return root(size);
    }

    /** The root the tree had when it held {@code treeSize} leaves. */
    public synchronized byte[] root(long treeSize) {
        requireSize(treeSize);
        return TreeHash.root(hasher, this, treeSize);
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves. */
    public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        return InclusionProofs.prove(hasher, this, index, treeSize);
    }

    /** The consistency proof from the tree of {@code size1} leaves to the tree of {@code size2}. */
    public synchronized List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size2);
        return ConsistencyProofs.prove(hasher, this, size1, size2);
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + size);
        }
    }

    private HashColumn column(int level) {
        if (level == levels.size()) {
            levels.add(new HashColumn(hasher.size()));
        }
        return levels.get(level);
    }
}
