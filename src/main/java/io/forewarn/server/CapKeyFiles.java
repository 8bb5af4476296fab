package io.forewarn.server;

import io.forewarn.ledger.PemFiles;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * The RSA key pair CAP alerts are signed with, as PEM files in the data directory: {@code cap.key} (PKCS#8,
 * owner-only) and {@code cap.pub} (X.509), created on first start like the ledger's. RSA rather than the ledger's
 * Ed25519 because CAP receivers verify XML Signatures, and RSA-SHA256 is what every XML Signature library has.
 * Receivers are given {@code cap.pub} to verify against ({@code forewarn cap verify --key cap.pub}).
 */
public final class CapKeyFiles {

    public static final String PRIVATE_FILE = "cap.key";
    public static final String PUBLIC_FILE = "cap.pub";
    private static final int BITS = 3072;

    private CapKeyFiles() {
    }

    /** The pair in {@code directory}, generated first if neither file is there (see {@link PemFiles#createOnce}). */
    public static KeyPair loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        PemFiles.createOnce(directory, "cap.lock", List.of(privateFile, publicFile), "the CAP signing key", () -> {
            KeyPair created = generate();
            PemFiles.writeNew(privateFile, PemFiles.pem("PRIVATE KEY", created.getPrivate().getEncoded()), true);
            PemFiles.writeNew(publicFile, publicPem(created), false);
        });
        return load(privateFile, publicFile);
    }

    /** A new pair, as the data directory's is made; a replay signs with one that lives as long as it does. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    /** The public key as {@code cap.pub} holds it (PEM, X.509), for receivers to verify against. */
    public static String publicPem(KeyPair pair) {
        return PemFiles.pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** The pair from its files; the public key must be the private key's. */
    static KeyPair load(Path privateFile, Path publicFile) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(PemFiles.der(privateFile, "PRIVATE KEY")));
            PublicKey publicKey = readPublic(publicFile);
            if (!(privateKey instanceof RSAPrivateCrtKey crt) || !rsa.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).equals(publicKey)) {
                throw new IllegalArgumentException(publicFile + " is not the public key of " + privateFile);
            }
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(privateFile + " holds no RSA private key: " + e.getMessage(), e);
        }
    }

    /** An RSA public key from a PEM file ("PUBLIC KEY", as OpenSSL writes it). */
    public static PublicKey readPublic(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(PemFiles.der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds no RSA public key: " + e.getMessage(), e);
        }
    }
}
