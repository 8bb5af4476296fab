package io.forewarn.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The bearer tokens Forewarn issues ({@code POST /api/v1/tokens}), under {@code forewarn.tokens.*}.
 *
 * @param lifetime how long a token is valid from its issue
 * @param keyFile  a file holding the HMAC-SHA-256 signing key, Base64, at least 32 bytes (empty:
 *                 {@code <forewarn.data-dir>/token.key}, created owner-only on first start). Every node on one
 *                 database needs the same key, so that a token issued by one is accepted by the others.
 */
@ConfigurationProperties("forewarn.tokens")
public record TokenSettings(Duration lifetime, String keyFile) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    public TokenSettings {
        lifetime = lifetime == null ? DEFAULT_LIFETIME : lifetime;
        keyFile = keyFile == null ? "" : keyFile.strip();
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("forewarn.tokens.lifetime must be positive, not " + lifetime);
        }
    }

    Optional<Path> suppliedKey() {
        return keyFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(keyFile));
    }
}
