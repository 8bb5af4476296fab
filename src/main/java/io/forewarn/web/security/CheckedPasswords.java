package io.forewarn.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Name-and-password pairs that passed the bcrypt check lately, so that HTTP Basic costs one bcrypt per
 * login and {@code ttl}, not one per request (the approach of Elasticsearch's realm cache). Bounded to
 * {@code size} pairs, each kept {@code ttl} after its check.
 *
 * <p>A pair is kept under HMAC-SHA-256 of the name and the password with a random key made when the
 * process starts and never written anywhere, so the cache holds no password and nothing a password could
 * be tested against once the process is gone. Only successes are kept: a wrong password is checked in
 * full every time. A login that changes is forgotten at once ({@link #forget}).
 */
final class CheckedPasswords {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Cache<String, Login> checked;
    private final boolean enabled;

    CheckedPasswords(int size, Duration ttl, SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.checked = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
        this.enabled = size > 0;
    }

    /** The login this name and password were checked for lately, if any. */
    Optional<Login> find(String name, String password) {
        return Optional.ofNullable(checked.getIfPresent(hash(name, password)));
    }

    void remember(String name, String password, Login login) {
        if (!enabled) {
            return; // Caffeine evicts from a cache of size 0 only after a put, so never put
        }
        checked.put(hash(name, password), login);
    }

    /** Forgets every password checked for this login name. */
    void forget(String name) {
        checked.asMap().values().removeIf(login -> login.name().equals(name));
    }

    long size() {
        checked.cleanUp();
        return checked.estimatedSize();
    }

    private String hash(String name, String password) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        // the name's length first, so that no other split of the same characters gives the same message
        ByteBuffer message = ByteBuffer.allocate(4 + nameBytes.length + passwordBytes.length)
                .putInt(nameBytes.length).put(nameBytes).put(passwordBytes);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }
}
