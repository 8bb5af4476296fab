package io.forewarn.ledger;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The ledger's Ed25519 key pair as PEM files: {@code ledger.key} (PKCS#8, "PRIVATE KEY", readable by its
 * owner only where the file system has POSIX permissions) and {@code ledger.pub} (X.509
 * SubjectPublicKeyInfo, "PUBLIC KEY"), the forms OpenSSL reads. Created on first use in the data directory.
 */
public final class LedgerKeyFiles {

    public static final String PRIVATE_FILE = "ledger.key";
    public static final String PUBLIC_FILE = "ledger.pub";

    private LedgerKeyFiles() {
    }

    /**
     * The key pair in {@code directory}, generated and written there first if neither file exists. Creation
     * holds a lock on {@code ledger.lock} there, so servers starting together on one directory share one pair.
     */
    public static KeyPair loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        PemFiles.createOnce(directory, "ledger.lock", List.of(privateFile, publicFile), "the ledger key pair", () -> {
            KeyPair created = LedgerKeys.generate();
            PemFiles.writeNew(privateFile, PemFiles.pem("PRIVATE KEY", LedgerKeys.encodePrivate(created.getPrivate())), true);
            PemFiles.writeNew(publicFile, PemFiles.pem("PUBLIC KEY", LedgerKeys.encodePublic(created.getPublic())), false);
        });
        return load(privateFile, publicFile);
    }

    /** A key pair from given files; the public key must belong to the private one. */
    public static KeyPair load(Path privateFile, Path publicFile) {
        PrivateKey privateKey = LedgerKeys.decodePrivate(PemFiles.der(privateFile, "PRIVATE KEY"));
        PublicKey publicKey = readPublic(publicFile);
        KeyPair pair = new KeyPair(publicKey, privateKey);
        // a signature made with the private key must verify with the public one
        SignedTreeHead probe = new TreeHeadSigner(privateKey).sign(0, new byte[SignedTreeHead.ROOT_BYTES], Instant.EPOCH);
        if (!new TreeHeadVerifier(publicKey).verifies(probe)) {
            throw new IllegalArgumentException(publicFile + " is not the public key of " + privateFile);
        }
        return pair;
    }

    public static PublicKey readPublic(Path file) {
        return LedgerKeys.decodePublic(PemFiles.der(file, "PUBLIC KEY"));
    }

    public static PublicKey parsePublic(String pem, String where) {
        return LedgerKeys.decodePublic(PemFiles.der(pem, "PUBLIC KEY", Path.of(where)));
    }

    /** The PEM text of a public key. */
    public static String publicPem(PublicKey key) {
        return PemFiles.pem("PUBLIC KEY", LedgerKeys.encodePublic(key));
    }

    /** SHA-256 of the X.509 encoding, in hex: how a key is named in messages and heads. */
    public static String fingerprint(PublicKey key) {
        return fingerprint(LedgerKeys.encodePublic(key));
    }

    public static String fingerprint(byte[] subjectPublicKeyInfo) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
