package io.forewarn.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How passwords are checked, under {@code forewarn.logins.*}: the cache of passwords checked, the limits on
 * failed logins, and how often the settings file is read again for changed logins.
 *
 * @param cacheSize      at most this many checked name-and-password pairs are remembered (0: none, every
 *                       Basic request costs a bcrypt check)
 * @param cacheTtl       how long a checked pair is remembered after its check
 * @param failures       the limits on failed logins
 * @param reloadInterval how often {@code file} is read for changed {@code forewarn.users}
 * @param file           a YAML settings file whose {@code forewarn.users} are the logins, read at start and again
 *                       whenever it changes ({@code serve --config FILE} sets it to FILE; empty: none)
 */
@ConfigurationProperties("forewarn.logins")
public record LoginSettings(Integer cacheSize, Duration cacheTtl, Failures failures, Duration reloadInterval, String file) {

    public static final int DEFAULT_CACHE_SIZE = 10_000;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);

    public LoginSettings {
        cacheSize = cacheSize == null ? DEFAULT_CACHE_SIZE : cacheSize;
        cacheTtl = cacheTtl == null ? DEFAULT_CACHE_TTL : cacheTtl;
        failures = failures == null ? new Failures(null, null, null) : failures;
        reloadInterval = reloadInterval == null ? DEFAULT_RELOAD_INTERVAL : reloadInterval;
        file = file == null ? "" : file.strip();
        if (cacheSize < 0) {
            throw new IllegalArgumentException("forewarn.logins.cache-size must be 0 or more, not " + cacheSize);
        }
        positive("forewarn.logins.cache-ttl", cacheTtl);
        positive("forewarn.logins.reload-interval", reloadInterval);
    }

    Optional<Path> followed() {
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /**
     * Failed logins allowed before further attempts are refused with 429: per login name and per client
     * address, counted on each node, within a window that starts at the first failure.
     *
     * @param perLogin   failures of one login name (known or not) in a window
     * @param perAddress failures from one client address in a window
     * @param window     how long a count lasts from its first failure; a lock-out lasts until its window ends
     */
    public record Failures(Integer perLogin, Integer perAddress, Duration window) {

        public static final int DEFAULT_PER_LOGIN = 10;
        public static final int DEFAULT_PER_ADDRESS = 50;
        public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

        public Failures {
            perLogin = perLogin == null ? DEFAULT_PER_LOGIN : perLogin;
            perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
            window = window == null ? DEFAULT_WINDOW : window;
            if (perLogin < 1 || perAddress < 1) {
                throw new IllegalArgumentException("forewarn.logins.failures.per-login and .per-address must be 1 or more, not "
                        + perLogin + " and " + perAddress);
            }
            positive("forewarn.logins.failures.window", window);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
