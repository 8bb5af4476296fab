package io.forewarn.ledger;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * The log's Ed25519 keys and their standard encodings: PKCS#8 for the private key, X.509
 * SubjectPublicKeyInfo for the public key. These are the DER bodies that PEM files and other
 * tools (OpenSSL, Go, Python) read, so a key generated here can be stored and checked elsewhere.
 */
public final class LedgerKeys {

    static final String ALGORITHM = "Ed25519";

    private LedgerKeys() {
    }

    /** A new key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    /** PKCS#8 DER of an Ed25519 private key. */
    public static byte[] encodePrivate(PrivateKey key) {
        requireEd25519(key);
        return key.getEncoded();
    }

    /** X.509 SubjectPublicKeyInfo DER of an Ed25519 public key. */
    public static byte[] encodePublic(PublicKey key) {
        requireEd25519(key);
        return key.getEncoded();
    }

    /** @throws IllegalArgumentException if the bytes are not a PKCS#8 Ed25519 private key */
    public static PrivateKey decodePrivate(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            requireEd25519(key);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not an X.509 Ed25519 public key */
    public static PublicKey decodePublic(byte[] subjectPublicKeyInfo) {
        Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo");
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            requireEd25519(key);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 Ed25519 public key", e);
        }
    }

    /**
     * Refuses any key but Ed25519: the JDK calls Ed25519 and Ed448 keys both "EdDSA", and a
     * signature with another curve would mean something else to a verifier.
     */
    static void requireEd25519(Key key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof EdECKey edKey) || !ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
    }

    static IllegalStateException missing(NoSuchAlgorithmException e) {
        // every JDK since 15 provides Ed25519 (JEP 339)
        return new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    }
}
