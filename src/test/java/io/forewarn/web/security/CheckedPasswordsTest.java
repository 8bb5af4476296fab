package io.forewarn.web.security;

import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of checked passwords: found only for the exact name and password, forgotten by login, bounded, off at size 0. */
class CheckedPasswordsTest {

    private static final Login ANN = new Login("ann", "$2a$04$hash-of-ann", Set.of(Role.ANALYST));
    private static final Login BOB = new Login("bob", "$2a$04$hash-of-bob", Set.of(Role.APPROVER));

    @Test
    void aPairIsFoundForTheExactNameAndPasswordOnly() {
        CheckedPasswords checked = new CheckedPasswords(100, Duration.ofMinutes(5), new SecureRandom());
        checked.remember("ann", "secret one", ANN);

        assertThat(checked.find("ann", "secret one")).contains(ANN);
        assertThat(checked.find("ann", "secret two")).isEmpty();
        assertThat(checked.find("bob", "secret one")).isEmpty();
        // the name's length is hashed first: "ann" + "x…" is not "annx" + "…"
        assertThat(checked.find("annsecret", " one")).isEmpty();
        assertThat(checked.find("an", "nsecret one")).isEmpty();
    }

    @Test
    void forgettingALoginForgetsAllItsPasswordsAndNoOthers() {
        CheckedPasswords checked = new CheckedPasswords(100, Duration.ofMinutes(5), new SecureRandom());
        checked.remember("ann", "secret one", ANN);
        checked.remember("ann", "secret two", ANN);
        checked.remember("bob", "secret three", BOB);

        checked.forget("ann");

        assertThat(checked.find("ann", "secret one")).isEmpty();
        assertThat(checked.find("ann", "secret two")).isEmpty();
        assertThat(checked.find("bob", "secret three")).contains(BOB);
        assertThat(checked.size()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsSizeAndNothingAtZero() {
        CheckedPasswords small = new CheckedPasswords(2, Duration.ofMinutes(5), new SecureRandom());
        for (int i = 0; i < 10; i++) {
            small.remember("ann", "secret " + i, ANN);
        }
        assertThat(small.size()).isEqualTo(2);

        CheckedPasswords none = new CheckedPasswords(0, Duration.ofMinutes(5), new SecureRandom());
        none.remember("ann", "secret one", ANN);
        assertThat(none.find("ann", "secret one")).isEmpty();
    }
}
