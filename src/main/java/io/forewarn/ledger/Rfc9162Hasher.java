package io.forewarn.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The Merkle tree hashes of RFC 9162 §2.1.1 with SHA-256: a leaf is hashed as
 * {@code SHA-256(0x00 ‖ entry)} and an interior node as {@code SHA-256(0x01 ‖ left ‖ right)}. The
 * different first bytes keep a leaf from ever being read as a node (a second-preimage attack on
 * the tree shape).
 *
 * <p>{@link MessageDigest} holds state between {@code update} and {@code digest}, so one shared
 * instance would mix the inputs of two threads. Each call therefore takes a fresh instance: the
 * provider lookup behind {@code getInstance} is cached by the JDK and costs far less than the hash
 * itself, and unlike a {@code ThreadLocal} it keeps nothing alive per (virtual) thread.
 */
public final class Rfc9162Hasher implements LogHasher {

    /** The one instance; the hasher has no state of its own. */
    public static final Rfc9162Hasher SHA_256 = new Rfc9162Hasher();

    private static final String ALGORITHM = "SHA-256";
    private static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Rfc9162Hasher() {
    }

    @Override
    public byte[] emptyRoot() {
        return digest().digest();
    }

    @Override
    public byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = digest();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /**
     * @throws IllegalArgumentException if a child is not a 32-byte hash: hashing anything else as
     *                                  a node would be a bug in the caller, never a valid tree
     */
    @Override
    public byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest digest = digest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String toString() {
        return "RFC 9162 SHA-256";
    }

    private static void requireHash(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != SIZE) {
            throw new IllegalArgumentException(name + " child is " + hash.length + " bytes, not a " + SIZE + "-byte hash");
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            // every Java SE platform must provide SHA-256 (MessageDigest javadoc)
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        }
    }
}
