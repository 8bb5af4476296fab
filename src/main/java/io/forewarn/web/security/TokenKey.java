package io.forewarn.web.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and checks Forewarn's bearer tokens (HMAC-SHA-256): 32 random bytes, Base64 on one
 * line, in {@code token.key} in the data directory, created on first start readable by its owner only
 * (where the file system has POSIX permissions); or a file the settings name. Servers starting together on
 * one directory share one key (creation holds a lock on {@code token.lock} there).
 */
final class TokenKey {

    static final String FILE = "token.key";
    static final String ALGORITHM = "HmacSHA256";
    /** HS256 needs a key at least as long as its hash (RFC 7518, 3.2). */
    static final int MIN_BYTES = 32;

    private TokenKey() {
    }

    static SecretKey loadOrCreate(Path directory, SecureRandom random) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve("token.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(file)) {
                    byte[] key = new byte[MIN_BYTES];
                    random.nextBytes(key);
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                    return new SecretKeySpec(key, ALGORITHM);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the token key in " + directory + ": " + e.getMessage(), e);
        }
        return load(file);
    }

    static SecretKey load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token key " + file, e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the token key is not Base64");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException(file + ": the token key has " + key.length + " bytes; it needs at least "
                    + MIN_BYTES + " (e.g. head -c 32 /dev/urandom | base64)");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }
}
