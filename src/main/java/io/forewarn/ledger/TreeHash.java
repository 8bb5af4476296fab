package io.forewarn.ledger;

import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree hash MTH of RFC 9162 §2.1.1 for the first {@code size} leaves of a log.
 *
 * <p>The RFC defines MTH recursively, splitting n leaves at the largest power of two k &lt; n.
 * Unrolled, MTH(D[0:n]) is the perfect subtrees given by the binary digits of n, largest first,
 * folded from the right: for n = 7 = 4 + 2 + 1 it is {@code node([0,4), node([4,6), [6]))}.
 * That takes popcount(n) ≤ 64 subtree lookups and one fewer node hashes: O(log n).
 */
public final class TreeHash {

    private TreeHash() {
    }

    /** MTH of the first {@code size} leaves; the empty-tree hash for size 0. O(log size) lookups. */
    public static byte[] root(LogHasher hasher, SubtreeHashes subtrees, long size) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(subtrees, "subtrees");
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        return size == 0 ? hasher.emptyRoot() : range(hasher, subtrees, 0, size);
    }

    /** MTH of a list of leaf hashes, computing each subtree from the leaves (O(n)); for small trees. */
    public static byte[] root(LogHasher hasher, List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        return root(hasher, SubtreeHashes.fromLeafHashes(hasher, i -> leafHashes.get(Math.toIntExact(i))),
                leafHashes.size());
    }

    /**
     * MTH(D[start:end]) for a range the RFC 9162 recursion reaches: {@code start} is a multiple of
     * the largest power of two not above {@code end - start}, so the range splits into aligned
     * perfect subtrees, one per binary digit of its length.
     */
    static byte[] range(LogHasher hasher, SubtreeHashes subtrees, long start, long end) {
        long length = end - start;
        if (length <= 0 || start % Long.highestOneBit(length) != 0) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a subtree range");
        }
        // fold from the right: the smallest perfect subtree ends at `end`, the largest starts at `start`
        byte[] hash = null;
        long position = end;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((length & (1L << level)) != 0) {
                position -= 1L << level;
                byte[] subtree = subtrees.subtreeHash(level, position >>> level);
                hash = hash == null ? subtree : hasher.nodeHash(subtree, hash);
            }
        }
        return hash;
    }
}
