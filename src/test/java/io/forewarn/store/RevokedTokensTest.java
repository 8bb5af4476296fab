package io.forewarn.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The revoked-token table on H2 and on PostgreSQL: a revocation is seen by a lookup, kept until expiry, then purged. */
class RevokedTokensTest {

    private static final Instant T0 = Instant.parse("2024-03-07T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRevokedIdIsFoundUntilItsExpiryIsPurgedAndOthersNever(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcRevokedTokens revoked = new JdbcRevokedTokens(database.dataSource());
            revoked.revoke("id-early", "analyst", T0.plusSeconds(60), T0);
            revoked.revoke("id-late", "approver", T0.plusSeconds(900), T0);
            revoked.revoke("id-late", "approver", T0.plusSeconds(900), T0.plusSeconds(1)); // a second logout

            assertThat(revoked.isRevoked("id-early")).isTrue();
            assertThat(revoked.isRevoked("id-late")).isTrue();
            assertThat(revoked.isRevoked("id-never")).isFalse();

            assertThat(revoked.purge(T0.plusSeconds(60))).as("expiring exactly now: still kept").isZero();
            assertThat(revoked.purge(T0.plusSeconds(61))).isEqualTo(1);
            assertThat(revoked.isRevoked("id-early")).isFalse();
            assertThat(revoked.isRevoked("id-late")).isTrue();
            assertThat(JdbcClient.create(database.dataSource()).sql("SELECT login FROM revoked_token").query(String.class).list())
                    .containsExactly("approver");
        }
    }
}
