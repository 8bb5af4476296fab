package io.forewarn.server;

import io.forewarn.ledger.PemFiles;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * The key acknowledgement links are signed with (HMAC-SHA256): 32 random bytes in {@code acknowledgement.key} in the
 * data directory, PEM-armoured and owner-only like the ledger's and the CAP alerts' keys, made on first start. Every
 * node sharing the data directory signs and checks links alike; deleting the file makes every link sent so far a
 * forgery.
 */
public final class AcknowledgementKeyFiles {

    public static final String FILE = "acknowledgement.key";
    private static final String LABEL = "FOREWARN ACKNOWLEDGEMENT KEY";
    private static final int BYTES = 32;

    private AcknowledgementKeyFiles() {
    }

    /** The key in {@code directory}, made first if it is not there (see {@link PemFiles#createOnce}). */
    public static byte[] loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE);
        PemFiles.createOnce(directory, "acknowledgement.lock", List.of(file), "the acknowledgement link key", () -> {
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            PemFiles.writeNew(file, PemFiles.pem(LABEL, key), true);
        });
        byte[] key = PemFiles.der(file, LABEL);
        if (key.length < BYTES) {
            throw new IllegalArgumentException(file + " holds " + key.length + " bytes; an acknowledgement key holds "
                    + BYTES);
        }
        return key;
    }
}
