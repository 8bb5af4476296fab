package io.forewarn.ledger;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident log as its readers, provers and publishers see it, whatever keeps it: an RFC 9162
 * Merkle log of {@link LedgerEntry entries}, their roots and proofs for any size up to the present, and the
 * signed tree heads published for it. How entries are appended belongs to the storage (the database's are
 * written in the transaction of the event they record), and every storage appends through
 * {@link TreeAppend}. {@code LedgerContract} holds each implementation to the same behaviour.
 */
public interface Ledger {

    /** Every ledger hashes with SHA-256 as RFC 9162 does; an export names no other. */
    LogHasher HASHER = Rfc9162Hasher.SHA_256;

    /** How many entries the log holds. */
    long size();

    Optional<LedgerEntry> entry(long index);

    /** The entries with {@code from <= index < to}, in index order; one that is missing is simply absent. */
    List<LedgerEntry> entries(long from, long to);

    /** The hashes of the log's complete subtrees, for the proof functions. */
    SubtreeHashes subtrees();

    /** @throws IllegalArgumentException unless {@code 0 <= size <= size()} */
    byte[] root(long size);

    /** @throws IllegalArgumentException unless {@code 0 <= index < size <= size()} */
    List<byte[]> inclusionProof(long index, long size);

    /** @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()} */
    List<byte[]> consistencyProof(long from, long to);

    /** The newest head published, if any. */
    Optional<SignedTreeHead> latestHead();

    /** The published heads with {@code size <= upTo}, smallest first. */
    List<SignedTreeHead> heads(long upTo);

    /** The newest head, signing and keeping a new one first when the log has grown since (or none was published). */
    SignedTreeHead publishHead(TreeHeadSigner signer);

    /**
     * Records the key this log's heads are signed with, the first time; afterwards refuses another one, so
     * a log cannot quietly be re-signed with a new key.
     *
     * @throws IllegalStateException if the log is already bound to another key
     */
    void bindKey(PublicKey key);

    /** The refusal of {@link #bindKey} when the log is bound to {@code bound} and was offered {@code offered}. */
    static IllegalStateException boundToAnotherKey(byte[] bound, byte[] offered) {
        return new IllegalStateException("this database's ledger is signed with another key ("
                + LedgerKeyFiles.fingerprint(bound) + "), not " + LedgerKeyFiles.fingerprint(offered)
                + "; supply that key (forewarn.ledger.key-file) or use a fresh database");
    }

    /** The size check of {@link #root} and the proofs. */
    static void requireSize(long size, long current) {
        if (size < 0 || size > current) {
            throw new IllegalArgumentException("tree size " + size + " is not between 0 and the log's size " + current);
        }
    }
}
