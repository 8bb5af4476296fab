package io.forewarn.ledger;

/**
 * The hashes a Merkle log is made of, behind one small interface so that the tree and proof code
 * never names an algorithm. The hasher is chosen once per log; every root, proof and signed tree
 * head of that log depends on it.
 *
 * <p>Implementations must be safe to call from several threads at once.
 */
public interface LogHasher {

    /** The root of the tree with no leaves, MTH({}) in RFC 9162 §2.1.1: the hash of no input at all. */
    byte[] emptyRoot();

    /** The hash of one log entry as a leaf of the tree. */
    byte[] leafHash(byte[] entry);

    /** The hash of an interior node from the hashes of its two children, left first. */
    byte[] nodeHash(byte[] left, byte[] right);

    /** The length in bytes of every hash this hasher produces. */
    int size();
}
