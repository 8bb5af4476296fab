package io.forewarn.ledger;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

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
    public static synchronized KeyPair loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve("ledger.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(privateFile) && !Files.exists(publicFile)) {
                    KeyPair created = LedgerKeys.generate();
                    writeNew(privateFile, pem("PRIVATE KEY", LedgerKeys.encodePrivate(created.getPrivate())), true);
                    writeNew(publicFile, pem("PUBLIC KEY", LedgerKeys.encodePublic(created.getPublic())), false);
                    return created;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger key pair in " + directory + ": " + e.getMessage(), e);
        }
        return load(privateFile, publicFile);
    }

    /** A key pair from given files; the public key must belong to the private one. */
    public static KeyPair load(Path privateFile, Path publicFile) {
        PrivateKey privateKey = LedgerKeys.decodePrivate(unpem(read(privateFile), "PRIVATE KEY", privateFile));
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
        return LedgerKeys.decodePublic(unpem(read(file), "PUBLIC KEY", file));
    }

    public static PublicKey parsePublic(String pem, String where) {
        return LedgerKeys.decodePublic(unpem(pem, "PUBLIC KEY", Path.of(where)));
    }

    /** The PEM text of a public key. */
    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", LedgerKeys.encodePublic(key));
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

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String text, String label, Path file) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + ": no " + label + " in PEM form");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the " + label + " is not valid Base64", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeNew(Path file, String text, boolean secret) throws IOException {
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
