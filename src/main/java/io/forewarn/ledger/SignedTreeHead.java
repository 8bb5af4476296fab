package io.forewarn.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tree head (size, root, time) and the log's Ed25519 signature over it. The signature covers
 * exactly the bytes of {@link #signedBytes(long, byte[], Instant)}:
 *
 * <pre>
 *   offset  length  content
 *        0      16  "forewarn-sth-v1" in ASCII, then one 0x00 byte
 *       16       8  tree size, big-endian (0 to 2^63 - 1)
 *       24       8  timestamp, milliseconds since 1970-01-01T00:00Z, signed, big-endian
 *       32      32  root hash (RFC 9162 SHA-256)
 * </pre>
 *
 * Every field has a fixed length and place, so no two heads share an encoding; the prefix names
 * what is signed and its version, so a signature over a tree head can never be taken for a
 * signature over anything else the key signs (its 0x00 ends the label, so no later label can
 * extend it). {@link #encode()} appends the 64-byte signature to these 64 bytes.
 *
 * @param timestamp whole milliseconds, since that is what the signature covers
 */
public record SignedTreeHead(long size, byte[] rootHash, Instant timestamp, byte[] signature) {

    /** The label at the start of the signed bytes. */
    public static final String LABEL = "forewarn-sth-v1";
    public static final int ROOT_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    /** The length of {@link #signedBytes}. */
    public static final int SIGNED_BYTES = LABEL.length() + 1 + 8 + 8 + ROOT_BYTES;
    /** The length of {@link #encode()}. */
    public static final int ENCODED_BYTES = SIGNED_BYTES + SIGNATURE_BYTES;

    private static final byte[] PREFIX = (LABEL + '\0').getBytes(StandardCharsets.US_ASCII);

    public SignedTreeHead {
        checkHead(size, rootHash, timestamp);
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature is " + SIGNATURE_BYTES + " bytes, not " + signature.length);
        }
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /** The bytes the log signs for a tree head (layout on the class). */
    public static byte[] signedBytes(long size, byte[] rootHash, Instant timestamp) {
        checkHead(size, rootHash, timestamp);
        return ByteBuffer.allocate(SIGNED_BYTES)
                .put(PREFIX)
                .putLong(size)
                .putLong(timestamp.toEpochMilli())
                .put(rootHash)
                .array();
    }

    /** The bytes this head's signature covers. */
    public byte[] signedBytes() {
        return signedBytes(size, rootHash, timestamp);
    }

    /** The signed bytes followed by the signature: 128 bytes, for storage and transfer. */
    public byte[] encode() {
        return ByteBuffer.allocate(ENCODED_BYTES).put(signedBytes()).put(signature).array();
    }

    /**
     * Reads what {@link #encode()} wrote. The signature is not checked here; use a
     * {@link TreeHeadVerifier} with the log's public key.
     *
     * @throws IllegalArgumentException if the bytes are not an encoded tree head
     */
    public static SignedTreeHead decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length != ENCODED_BYTES) {
            throw new IllegalArgumentException("an encoded tree head is " + ENCODED_BYTES + " bytes, not " + encoded.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        byte[] prefix = new byte[PREFIX.length];
        buffer.get(prefix);
        if (!Arrays.equals(prefix, PREFIX)) {
            throw new IllegalArgumentException("not a " + LABEL + " tree head");
        }
        long size = buffer.getLong();
        Instant timestamp = Instant.ofEpochMilli(buffer.getLong());
        byte[] root = new byte[ROOT_BYTES];
        buffer.get(root);
        byte[] signature = new byte[SIGNATURE_BYTES];
        buffer.get(signature);
        return new SignedTreeHead(size, root, timestamp, signature);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead that
                && size == that.size
                && timestamp.equals(that.timestamp)
                && Arrays.equals(rootHash, that.rootHash)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, timestamp, Arrays.hashCode(rootHash), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedTreeHead[size=" + size + ", root=" + HexFormat.of().formatHex(rootHash) + ", timestamp=" + timestamp + "]";
    }

    private static void checkHead(long size, byte[] rootHash, Instant timestamp) {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(timestamp, "timestamp");
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        if (rootHash.length != ROOT_BYTES) {
            throw new IllegalArgumentException("root hash is " + rootHash.length + " bytes, not " + ROOT_BYTES);
        }
        if (!timestamp.truncatedTo(ChronoUnit.MILLIS).equals(timestamp)) {
            // the signature covers milliseconds; a finer instant would not survive verification
            throw new IllegalArgumentException("timestamp " + timestamp + " has more than millisecond precision");
        }
        // toEpochMilli throws ArithmeticException for instants beyond ±292 million years
        timestamp.toEpochMilli();
    }
}
