package io.forewarn.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins, counted per login name and per client address on this node: after {@code perLogin} (or
 * {@code perAddress}) failures within a window that starts at the first of them, every password for that
 * name (or from that address) is refused with 429 until the window ends, right or wrong, and without a
 * bcrypt check. A lock-out is logged once, when it starts, and counted in {@code forewarn_login_lockouts_total}
 * by scope; the log line names the login only if it exists (a mistyped name may be a password) and never
 * a password.
 *
 * <p>The limits hold under concurrency: a password check is {@linkplain #admit admitted} before it runs and
 * counts against the limits while it runs, so that many wrong passwords sent at once do not all get checked
 * before the first failure is counted; a check that succeeds gives its place back.
 *
 * <p>Each count is kept for its window, at most {@value #MAX_COUNTED} names and as many addresses, so that a
 * spray of made-up names cannot fill the memory; the oldest go first. A name longer than
 * {@value #LONGEST_NAME_KEPT} characters is counted under its SHA-256, so that no count holds a long one.
 */
final class FailedLogins {

    static final int MAX_COUNTED = 100_000;
    static final int LONGEST_NAME_KEPT = 64;
    static final String METRIC = "forewarn.login.lockouts";
    /** Retry-After when the limit is taken up by checks still running rather than by failures. */
    static final Duration WHILE_CHECKING = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(FailedLogins.class);

    /** Who is locked out and for how long. */
    record Lockout(Scope scope, Duration retryAfter) {
    }

    enum Scope {
        LOGIN("this login"), ADDRESS("this address");

        final String phrase;

        Scope(String phrase) {
            this.phrase = phrase;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A password check admitted, to be settled by {@link #succeeded} or {@link #failed}. */
    record Admitted(String login, String address, Instant loginWindow, Instant addressWindow) {
    }

    private record Window(Instant start, int failures, int checking) {
    }

    private final LoginSettings.Failures limits;
    private final Clock clock;
    private final Cache<String, Window> byLogin;
    private final Cache<String, Window> byAddress;
    private final Counter loginLockouts;
    private final Counter addressLockouts;

    FailedLogins(LoginSettings.Failures limits, Clock clock, MeterRegistry meters) {
        this.limits = limits;
        this.clock = clock;
        this.byLogin = Caffeine.newBuilder().maximumSize(MAX_COUNTED).expireAfterWrite(limits.window()).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_COUNTED).expireAfterWrite(limits.window()).build();
        this.loginLockouts = counter(meters, Scope.LOGIN);
        this.addressLockouts = counter(meters, Scope.ADDRESS);
    }

    /** Whether passwords for this name, or from this address, are refused now; the longer lock-out if both. */
    Optional<Lockout> lockedOut(String login, String address) {
        Instant now = clock.instant();
        return longer(lockout(byLogin.getIfPresent(key(login)), limits.perLogin(), Scope.LOGIN, now, false),
                lockout(byAddress.getIfPresent(address), limits.perAddress(), Scope.ADDRESS, now, false));
    }

    /**
     * Admits a password check for this name from this address, unless their failures and the checks running
     * already reach a limit; the check must then be settled with {@link #succeeded} or {@link #failed}.
     */
    Result admit(String login, String address) {
        Instant now = clock.instant();
        Window[] seen = new Window[1];
        Window name = byLogin.asMap().compute(key(login), (k, window) -> {
            Window current = window == null || ended(window, now) ? new Window(now, 0, 0) : window;
            seen[0] = current;
            return current.failures() + current.checking() >= limits.perLogin() ? current
                    : new Window(current.start(), current.failures(), current.checking() + 1);
        });
        if (name == seen[0]) {
            return new Result(null, lockout(name, limits.perLogin(), Scope.LOGIN, now, true).orElseThrow());
        }
        Window place = byAddress.asMap().compute(address, (k, window) -> {
            Window current = window == null || ended(window, now) ? new Window(now, 0, 0) : window;
            seen[0] = current;
            return current.failures() + current.checking() >= limits.perAddress() ? current
                    : new Window(current.start(), current.failures(), current.checking() + 1);
        });
        if (place == seen[0]) {
            settle(byLogin, key(login), name.start(), false);
            return new Result(null, lockout(place, limits.perAddress(), Scope.ADDRESS, now, true).orElseThrow());
        }
        return new Result(new Admitted(login, address, name.start(), place.start()), null);
    }

    /** A check admitted, or the lock-out that refused it. */
    record Result(Admitted admitted, Lockout refused) {
    }

    void succeeded(Admitted check) {
        settle(byLogin, key(check.login()), check.loginWindow(), false);
        settle(byAddress, check.address(), check.addressWindow(), false);
    }

    /** A wrong password; {@code known} says whether the login exists, so that the log may name it. */
    void failed(Admitted check, boolean known) {
        if (settle(byLogin, key(check.login()), check.loginWindow(), true) == limits.perLogin()) {
            loginLockouts.increment();
            LOG.warn("failed logins: {} locked out for {} after {} wrong passwords",
                    known ? "login '" + check.login() + "'" : "an unknown login name", limits.window(), limits.perLogin());
        }
        if (settle(byAddress, check.address(), check.addressWindow(), true) == limits.perAddress()) {
            addressLockouts.increment();
            LOG.warn("failed logins: address {} locked out for {} after {} wrong passwords", check.address(),
                    limits.window(), limits.perAddress());
        }
    }

    /** Ends a check in the window it was admitted to (if that window still counts): a failure or nothing. Returns the failures. */
    private static int settle(Cache<String, Window> counts, String key, Instant windowStart, boolean failure) {
        Window settled = counts.asMap().computeIfPresent(key, (k, window) -> !window.start().equals(windowStart) ? window
                : new Window(window.start(), window.failures() + (failure ? 1 : 0), Math.max(0, window.checking() - 1)));
        return settled == null || !settled.start().equals(windowStart) ? 0 : settled.failures();
    }

    private static String key(String login) {
        if (login.length() <= LONGEST_NAME_KEPT) {
            return login;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(login.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Lockout> lockout(Window window, int limit, Scope scope, Instant now, boolean countChecking) {
        if (window == null || ended(window, now)) {
            return Optional.empty();
        }
        if (window.failures() >= limit) {
            return Optional.of(new Lockout(scope, Duration.between(now, window.start().plus(limits.window()))));
        }
        if (countChecking && window.failures() + window.checking() >= limit) {
            return Optional.of(new Lockout(scope, WHILE_CHECKING));
        }
        return Optional.empty();
    }

    private static Optional<Lockout> longer(Optional<Lockout> one, Optional<Lockout> other) {
        if (one.isPresent() && other.isPresent()) {
            return one.get().retryAfter().compareTo(other.get().retryAfter()) >= 0 ? one : other;
        }
        return one.isPresent() ? one : other;
    }

    private boolean ended(Window window, Instant now) {
        return !now.isBefore(window.start().plus(limits.window()));
    }

    private static Counter counter(MeterRegistry meters, Scope scope) {
        return Counter.builder(METRIC)
                .description("Lock-outs after too many failed logins, by scope (a login name or a client address), on this node")
                .tag("scope", scope.code())
                .register(meters);
    }
}
