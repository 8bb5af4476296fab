package io.forewarn.web.security;

import io.forewarn.ledger.PemFiles;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

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
        PemFiles.createOnce(directory, "token.lock", List.of(file), "the token key", () -> {
            byte[] key = new byte[MIN_BYTES];
            random.nextBytes(key);
            PemFiles.writeNew(file, Base64.getEncoder().encodeToString(key) + "\n", true);
        });
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
