package io.forewarn.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * The password check of HTTP Basic, in this order: a login name or address locked out for failing too often
 * is refused with 429 and nothing checked; a name and password that passed lately ({@link CheckedPasswords})
 * pass again without bcrypt, if the login is still exactly as it was then; anything else is checked with
 * bcrypt, one check at a time per name, against the login's hash or, for a name that is no login, against a
 * dummy hash of the same cost, so that a wrong password costs the same whether the name exists or not. Only
 * a success is remembered; each failure is counted ({@link FailedLogins}).
 */
final class PasswordCheck implements AuthenticationProvider {

    /** The cost of {@code forewarn user hash} and of the dummy hash when no login has a hash to copy it from. */
    static final int DEFAULT_COST = 10;

    /** Lock stripes by login name. */
    private static final Lock[] CHECKING = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    private final Logins logins;
    private final PasswordEncoder encoder;
    private final CheckedPasswords checked;
    private final FailedLogins failures;
    private final SecureRandom random;
    private volatile String dummyHash;

    PasswordCheck(Logins logins, PasswordEncoder encoder, CheckedPasswords checked, FailedLogins failures,
                  SecureRandom random) {
        this.logins = logins;
        this.encoder = encoder;
        this.checked = checked;
        this.failures = failures;
        this.random = random;
        this.dummyHash = dummyHash();
        logins.onChange(name -> {
            checked.forget(name);
            dummyHash = dummyHash();
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String name = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        Optional<FailedLogins.Lockout> lockout = failures.lockedOut(name, address);
        if (lockout.isPresent()) {
            throw new TooManyFailedLogins(lockout.get());
        }
        Optional<Login> seen = checked.find(name, password).filter(logins::current);
        if (seen.isPresent()) {
            return authenticated(seen.get(), request);
        }
        // one bcrypt check at a time per name: requests arriving together wait for the first and find it remembered,
        // and wrong passwords sent at once are counted one after the other
        Lock lock = CHECKING[Math.floorMod(name.hashCode(), CHECKING.length)];
        lock.lock();
        try {
            seen = checked.find(name, password).filter(logins::current);
            if (seen.isPresent()) {
                return authenticated(seen.get(), request);
            }
            return check(name, password, address, request);
        } finally {
            lock.unlock();
        }
    }

    private Authentication check(String name, String password, String address, Authentication request) {
        FailedLogins.Result admission = failures.admit(name, address);
        if (admission.refused() != null) {
            throw new TooManyFailedLogins(admission.refused());
        }
        boolean failed = false;
        try {
            Optional<Login> login = logins.find(name);
            boolean matches = encoder.matches(password, login.map(Login::passwordHash).orElse(dummyHash));
            if (login.isPresent() && matches) {
                checked.remember(name, password, login.get());
                return authenticated(login.get(), request);
            }
            failed = true;
            failures.failed(admission.admitted(), login.isPresent());
            throw new BadCredentialsException("wrong login name or password");
        } finally {
            if (!failed) {
                failures.succeeded(admission.admitted()); // a success, or a check that broke: its place is given back
            }
        }
    }

    private static Authentication authenticated(Login login, Authentication request) {
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(login.name(), null,
                login.authorities());
        result.setDetails(request.getDetails());
        return result;
    }

    /** A hash of a random password, at the highest cost among the logins' hashes. */
    private String dummyHash() {
        int cost = logins.all().stream().mapToInt(login -> cost(login.passwordHash())).max().orElse(DEFAULT_COST);
        byte[] password = new byte[16];
        random.nextBytes(password);
        return new BCryptPasswordEncoder(cost, random).encode(HexFormat.of().formatHex(password));
    }

    /** The cost of a bcrypt hash {@code $2a$10$...}; the default if it cannot be read. */
    private static int cost(String hash) {
        String[] parts = hash.split("\\$");
        try {
            int cost = parts.length > 2 ? Integer.parseInt(parts[2]) : DEFAULT_COST;
            return cost >= 4 && cost <= 31 ? cost : DEFAULT_COST;
        } catch (NumberFormatException notACost) {
            return DEFAULT_COST;
        }
    }
}
