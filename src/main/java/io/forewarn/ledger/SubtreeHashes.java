package io.forewarn.ledger;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Where the proof functions get hashes from: the hash of a <em>perfect</em> subtree, one of
 * {@code 2^level} leaves starting at leaf {@code index × 2^level}. Level 0 is the leaf hashes.
 *
 * <pre>
 *   level 2                 [0,4)
 *                     ┌───────┴───────┐
 *   level 1         [0,2)           [2,4)           [4,6)
 *                 ┌───┴───┐       ┌───┴───┐       ┌───┴───┐
 *   level 0      0        1      2        3      4        5       6
 * </pre>
 *
 * In a tree of size 7 (above) the perfect subtrees are the leaves, (1,0) (1,1) (1,2) and (2,0).
 * Every other hash the RFC 9162 algorithms use, such as the root or the right-hand part [4,7),
 * is folded from these, so a store that keeps them (in memory, or later in the database next to
 * the entries) lets a proof be made from O(log n) lookups without reading the leaves.
 *
 * <p>Callers only ask for subtrees that are complete in the tree they are proving about.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /** The hash of the perfect subtree of {@code 2^level} leaves that starts at leaf {@code index << level}. */
    byte[] subtreeHash(int level, long index);

    /**
     * Subtree hashes computed on demand from leaf hashes, for logs that keep only those. A subtree
     * at level {@code L} costs {@code 2^L} leaf fetches and {@code 2^L - 1} node hashes, so a
     * proof in a tree of n leaves costs O(n); fine for small trees and tests, not for a large log.
     */
    static SubtreeHashes fromLeafHashes(LogHasher hasher, LongFunction<byte[]> leafHash) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(leafHash, "leafHash");
        return new SubtreeHashes() {
            @Override
            public byte[] subtreeHash(int level, long index) {
                if (level == 0) {
                    return leafHash.apply(index);
                }
                return hasher.nodeHash(subtreeHash(level - 1, 2 * index), subtreeHash(level - 1, 2 * index + 1));
            }
        };
    }
}
