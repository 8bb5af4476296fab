package io.forewarn.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The ids of bearer tokens revoked before they expire, in the {@code revoked_token} table
 * ({@code db/migration/V10__revoked_token.sql}), shared by every node on the database. A lookup is one
 * primary-key read; rows are deleted once their token has expired.
 */
public final class JdbcRevokedTokens {

    private final JdbcClient jdbc;

    public JdbcRevokedTokens(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Records the token as revoked until it expires; revoking it again changes nothing. */
    public void revoke(String tokenId, String login, Instant expiresAt, Instant now) {
        try {
            jdbc.sql("INSERT INTO revoked_token (token_id, login, revoked_at, expires_at) VALUES (:id, :login, :now, :expires)")
                    .param("id", tokenId)
                    .param("login", login)
                    .param("now", timestamp(now))
                    .param("expires", timestamp(expiresAt))
                    .update();
        } catch (DuplicateKeyException alreadyRevoked) {
            // the same logout sent twice, or by two nodes: the token is revoked either way
        }
    }

    public boolean isRevoked(String tokenId) {
        return jdbc.sql("SELECT 1 FROM revoked_token WHERE token_id = :id")
                .param("id", tokenId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Deletes the rows of tokens that expired before the instant; returns how many went. */
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM revoked_token WHERE expires_at < :cutoff")
                .param("cutoff", timestamp(before))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
