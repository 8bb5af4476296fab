package io.forewarn.ledger;

/**
 * The bit arithmetic on sizes and indices that the RFC 9162 algorithms rest on. Sizes and indices
 * are non-negative {@code long}s; the callers check that before they get here.
 */
final class TreeMath {

    private TreeMath() {
    }

    /** The k of RFC 9162 §2.1.1: the largest power of two smaller than {@code n}, for {@code n > 1}. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The number of bits needed to write {@code x} (0 for 0). */
    static int bitLength(long x) {
        return Long.SIZE - Long.numberOfLeadingZeros(x);
    }

    static boolean isPowerOfTwo(long x) {
        return x > 0 && (x & (x - 1)) == 0;
    }

    /**
     * How many hashes an inclusion proof for leaf {@code index} in a tree of {@code size} has: one
     * per level where the leaf's path and the path to the last leaf are in different subtrees
     * (the "inner" part), plus one per perfect subtree to the left of the leaf's path above that
     * (the "border" part). Requires {@code 0 <= index < size}.
     */
    static int inclusionProofLength(long index, long size) {
        int inner = bitLength(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    /**
     * How many hashes a consistency proof from {@code size1} to {@code size2} has: the inclusion
     * proof of the old tree's last leaf, without the levels inside the old tree's largest perfect
     * right-hand subtree, plus that subtree's own hash unless it is the whole old tree. Requires
     * {@code 0 < size1 < size2}.
     */
    static int consistencyProofLength(long size1, long size2) {
        int shift = Long.numberOfTrailingZeros(size1);
        int inner = bitLength((size1 - 1) ^ (size2 - 1));
        int border = Long.bitCount((size1 - 1) >>> inner);
        int seed = isPowerOfTwo(size1) ? 0 : 1;
        return seed + (inner - shift) + border;
    }
}
