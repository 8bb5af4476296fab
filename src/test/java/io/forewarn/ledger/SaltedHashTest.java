package io.forewarn.ledger;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;

import static io.forewarn.ledger.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SaltedHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** RFC 4231 test case 1: HMAC-SHA-256 with a 20-byte key of 0x0b over "Hi There". */
    @Test
    void isHmacSha256WithTheSaltAsKey() {
        byte[] salt = new byte[20];
        Arrays.fill(salt, (byte) 0x0b);

        assertThat(SaltedHash.of("Hi There", salt).digestHex())
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void matchesTheValueAndNothingElse() {
        SaltedHash hash = SaltedHash.of("source codename", RANDOM);

        assertThat(hash.matches("source codename")).isTrue();
        assertThat(hash.matches("Source codename")).isFalse();
        assertThat(hash.matches("source codename ")).isFalse();
        assertThat(SaltedHash.matches("source codename", hash.salt(), hash.digest())).isTrue();
        assertThat(SaltedHash.matches("intercept selector", hash.salt(), hash.digest())).isFalse();
    }

    @Test
    void freshSaltsMakeEqualValuesUnlinkable() {
        SaltedHash first = SaltedHash.of("signals collection", RANDOM);
        SaltedHash second = SaltedHash.of("signals collection", RANDOM);

        assertThat(first.salt()).hasSize(SaltedHash.SALT_BYTES);
        assertThat(first.digestHex()).isNotEqualTo(second.digestHex());
        assertThat(SaltedHash.of("signals collection", first.salt())).isEqualTo(first);
    }

    @Test
    void nonAsciiValuesAreHashedAsUtf8() {
        byte[] salt = new byte[32];

        assertThat(SaltedHash.of("Крокус", salt).matches("Крокус")).isTrue();
        assertThat(SaltedHash.of("é", salt)).isNotEqualTo(SaltedHash.of("e\u0301", salt));
    }

    @Test
    void refusesShortSaltsAndNeverPrintsTheSalt() {
        assertThatIllegalArgumentException().isThrownBy(() -> SaltedHash.of("x", new byte[15]));

        SaltedHash hash = SaltedHash.of("x", RANDOM);
        assertThat(hash.toString()).contains(hash.digestHex()).doesNotContain(hash.saltHex());
        assertThat(hash.saltHex()).isEqualTo(hex(hash.salt()));
    }

    @Test
    void callersCannotChangeIt() {
        SaltedHash hash = SaltedHash.of("x", RANDOM);
        hash.salt()[0] ^= 1;
        hash.digest()[0] ^= 1;

        assertThat(hash.matches("x")).isTrue();
    }
}
