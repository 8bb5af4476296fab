package io.forewarn.ledger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A salted hash of protected material (a source description, a collection method, a code word),
 * so that a ledger entry can show which material a decision involved without ever holding it:
 * {@code digest = HMAC-SHA-256(key = salt, message = UTF-8 of the value)}, with a fresh random
 * 32-byte salt for each value recorded.
 *
 * <p>HMAC rather than SHA-256(salt ‖ value): with the salt as the key, no choice of value can be
 * confused with another split of salt and value, and HMAC is the standard keyed construction.
 *
 * <p>The salt is what lets someone check the digest, so where it is kept decides who can. Put only
 * the {@link #digestHex() digest} in a ledger entry and keep the salt with the protected material:
 * then the digest reveals nothing, and oversight, given the salt and the value, can confirm
 * (with {@link #matches}) that this was the material recorded. A salt published next to its digest
 * would let anyone who reads the ledger test guesses, and code words are easy to guess.
 *
 * <p>The value is hashed exactly as given; normalise it (case, Unicode form, spacing) before, the
 * same way every time, if differently written forms should match.
 */
public final class SaltedHash {

    public static final int SALT_BYTES = 32;
    /** Salts shorter than this give too small a space to hide the value in. */
    public static final int MIN_SALT_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] salt;
    private final byte[] digest;

    private SaltedHash(byte[] salt, byte[] digest) {
        this.salt = salt;
        this.digest = digest;
    }

    /** Hashes a value with a fresh salt from {@code random}. */
    public static SaltedHash of(String value, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return of(value, salt);
    }

    /** Hashes a value with a given salt, for example one kept with the protected material. */
    public static SaltedHash of(String value, byte[] salt) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(salt, "salt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("a salt needs at least " + MIN_SALT_BYTES + " bytes, not " + salt.length);
        }
        return new SaltedHash(salt.clone(), hmac(salt, value));
    }

    /** Whether {@code candidate} is the value hashed, compared in constant time. */
    public boolean matches(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return MessageDigest.isEqual(digest, hmac(salt, candidate));
    }

    /** Whether {@code value} with {@code salt} gives {@code digest}: the check oversight makes. */
    public static boolean matches(String value, byte[] salt, byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        return MessageDigest.isEqual(of(value, salt).digest, digest);
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** The digest in lowercase hex, the form for a ledger entry. */
    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    /** The salt in lowercase hex, the form to keep with the protected material. */
    public String saltHex() {
        return HexFormat.of().formatHex(salt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SaltedHash that && Arrays.equals(salt, that.salt) && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(digest);
    }

    /** Shows the digest only, so that a log line never carries the salt. */
    @Override
    public String toString() {
        return "SaltedHash[" + digestHex() + "]";
    }

    private static byte[] hmac(byte[] salt, String value) {
        try {
            // a Mac holds state, so each call takes its own
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(salt, ALGORITHM));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every Java SE platform must provide HmacSHA256 (Mac javadoc)
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }
}
