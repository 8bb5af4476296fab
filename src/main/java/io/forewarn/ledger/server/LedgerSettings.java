package io.forewarn.ledger.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The ledger's settings, under {@code forewarn.ledger.*}; the key pair lives in {@code forewarn.data-dir}
 * unless both files are supplied.
 *
 * @param keyFile         a PKCS#8 PEM Ed25519 private key to sign tree heads with (empty: {@code <data-dir>/ledger.key},
 *                        created with {@code ledger.pub} on first start)
 * @param publicKeyFile   its X.509 PEM public key (required with {@code keyFile})
 * @param publishInterval how often the latest signed tree head is published to {@code <data-dir>/witness/heads.jsonl}
 */
@ConfigurationProperties("forewarn.ledger")
public record LedgerSettings(String keyFile, String publicKeyFile, Duration publishInterval) {

    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofMinutes(5);

    public LedgerSettings {
        keyFile = keyFile == null ? "" : keyFile.strip();
        publicKeyFile = publicKeyFile == null ? "" : publicKeyFile.strip();
        publishInterval = publishInterval == null ? DEFAULT_PUBLISH_INTERVAL : publishInterval;
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw new IllegalArgumentException("forewarn.ledger.publish-interval must be positive, not " + publishInterval);
        }
        if (keyFile.isEmpty() != publicKeyFile.isEmpty()) {
            throw new IllegalArgumentException("forewarn.ledger.key-file and forewarn.ledger.public-key-file go together");
        }
    }

    /** The supplied key files, if both are given. */
    boolean supplied() {
        return !keyFile.isEmpty();
    }

    Path keyPath() {
        return Path.of(keyFile);
    }

    Path publicKeyPath() {
        return Path.of(publicKeyFile);
    }
}
