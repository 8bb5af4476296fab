package io.forewarn.ledger;

import java.util.Arrays;

/**
 * A growable list of fixed-size hashes in one flat array: a million 32-byte hashes take 32 MB
 * here, against about 50 MB as a million separate {@code byte[]} objects with their headers and
 * references.
 */
final class HashColumn {

    private final int hashSize;
    private byte[] bytes;
    private int count;

    HashColumn(int hashSize) {
        this.hashSize = hashSize;
        this.bytes = new byte[hashSize * 16];
    }

    int size() {
        return count;
    }

    void add(byte[] hash) {
        if (hash.length != hashSize) {
            throw new IllegalArgumentException("hash is " + hash.length + " bytes, not " + hashSize);
        }
        if ((count + 1L) * hashSize > bytes.length) {
            long grown = Math.min(2L * bytes.length, Integer.MAX_VALUE - 8);
            if (grown < (count + 1L) * hashSize) {
                throw new IllegalStateException("an in-memory column holds at most " + count + " hashes");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
        System.arraycopy(hash, 0, bytes, count * hashSize, hashSize);
        count++;
    }

    /** A copy of hash {@code i}, so callers cannot change the stored tree. */
    byte[] get(long i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("hash " + i + " of " + count);
        }
        int from = (int) i * hashSize;
        return Arrays.copyOfRange(bytes, from, from + hashSize);
    }
}
