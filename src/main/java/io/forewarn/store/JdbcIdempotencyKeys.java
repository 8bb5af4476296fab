package io.forewarn.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys in the {@code idempotency_key} table ({@code db/migration/V2__idempotency.sql}): per
 * login and key, the request the key was first used for and, once answered, the answer to replay.
 *
 * <p>A request first {@linkplain #claim claims} its key. The claim is a committed row with a random
 * token and no answer yet; it is what tells a repeat that the first is still running. The request then
 * {@linkplain #answer answers} under its token, ideally in the transaction that made its change (the
 * UPDATE joins whatever transaction the caller runs on the same {@link DataSource}), or
 * {@linkplain #release releases} the claim when it failed and may be tried again.
 *
 * <p>A claim whose lease has run out (its request died with its node, or is taking far too long) may be
 * taken over by a repeat; the original's {@link #answer} then finds its token gone and returns false,
 * and the original must roll its change back. Every step is a single conditional statement, so two
 * nodes racing on one key never both win. Statements run under autocommit when the caller has no
 * transaction; {@link #claim} should, so that the claim is visible to repeats at once.
 */
public final class JdbcIdempotencyKeys {

    /** What a key was used for: the caller, the key, and the request (its body by SHA-256, hex). */
    public record Request(String login, String key, String method, String path, String bodySha256) {
        public Request {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(bodySha256, "bodySha256");
        }

        boolean sameAs(String method, String path, String bodySha256) {
            return this.method.equals(method) && this.path.equals(path) && this.bodySha256.equals(bodySha256);
        }
    }

    /** A stored answer: status, content type and Location (either may be null) and the body's bytes. */
    public record Answer(int status, String contentType, String location, byte[] body) {
        public Answer {
            body = body == null ? new byte[0] : body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Answer that && status == that.status && Objects.equals(contentType, that.contentType)
                    && Objects.equals(location, that.location) && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, contentType, location, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Answer[" + status + ", " + contentType + ", " + body.length + " bytes]";
        }
    }

    /** What claiming a key found. */
    public sealed interface Claim {
        /** The key is this request's now; answer or release under the token. */
        record Granted(String token) implements Claim {
        }

        /** The same request was answered before: give this answer again. */
        record Replay(Answer answer) implements Claim {
        }

        /** The same request is still running under its claim. */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request (method, path or body). */
        record Mismatch() implements Claim {
        }
    }

    private final JdbcClient jdbc;

    public JdbcIdempotencyKeys(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Claims the key for this request, unless it is held: by an answer younger than {@code retention}
     * (replayed if the request is the same, a mismatch if not) or by a claim younger than {@code lease}
     * (in progress if the same, a mismatch if not). Older answers and claims are taken over.
     */
    public Claim claim(Request request, Instant now, Duration lease, Duration retention) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = UUID.randomUUID().toString();
            if (insert(request, token, now)) {
                return new Claim.Granted(token);
            }
            Optional<Stored> found = find(request.login(), request.key());
            if (found.isEmpty()) {
                continue; // released between our insert and our read: try again
            }
            Stored stored = found.get();
            boolean stale = stored.answer() == null
                    ? stored.claimedAt().isBefore(now.minus(lease))
                    : stored.answeredAt().isBefore(now.minus(retention));
            if (stale) {
                if (takeOver(request, stored, token, now)) {
                    return new Claim.Granted(token);
                }
                continue; // someone else answered or took it over first: look again
            }
            if (!request.sameAs(stored.method(), stored.path(), stored.bodySha256())) {
                return new Claim.Mismatch();
            }
            return stored.answer() == null ? new Claim.InProgress() : new Claim.Replay(stored.answer());
        }
        return new Claim.InProgress(); // three races lost in a row: the key is busy
    }

    /**
     * Stores the answer under the claim; false when the claim is no longer this token's (it was taken
     * over), in which case nothing is written and the caller must undo its change.
     */
    public boolean answer(Request request, String token, Answer answer, Instant now) {
        return jdbc.sql("UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,"
                        + " response_body = :body, answered_at = :now"
                        + " WHERE login = :login AND idempotency_key = :key AND claim_token = :token AND status IS NULL")
                .param("status", answer.status())
                .param("contentType", answer.contentType())
                .param("location", answer.location())
                .param("body", answer.body())
                .param("now", timestamp(now))
                .param("login", request.login())
                .param("key", request.key())
                .param("token", token)
                .update() == 1;
    }

    /** Gives up an unanswered claim, so that the request may be tried again with the same key. */
    public void release(Request request, String token) {
        jdbc.sql("DELETE FROM idempotency_key"
                        + " WHERE login = :login AND idempotency_key = :key AND claim_token = :token AND status IS NULL")
                .param("login", request.login())
                .param("key", request.key())
                .param("token", token)
                .update();
    }

    /** Deletes answers given, and claims made, before the instant; returns how many rows went. */
    public int purge(Instant before) {
        OffsetDateTime cutoff = timestamp(before);
        return jdbc.sql("DELETE FROM idempotency_key WHERE (status IS NOT NULL AND answered_at < :cutoff)"
                        + " OR (status IS NULL AND claimed_at < :cutoff)")
                .param("cutoff", cutoff)
                .update();
    }

    private boolean insert(Request request, String token, Instant now) {
        try {
            jdbc.sql("INSERT INTO idempotency_key (login, idempotency_key, method, path, body_sha256, claim_token, claimed_at)"
                            + " VALUES (:login, :key, :method, :path, :sha, :token, :now)")
                    .param("login", request.login())
                    .param("key", request.key())
                    .param("method", request.method())
                    .param("path", request.path())
                    .param("sha", request.bodySha256())
                    .param("token", token)
                    .param("now", timestamp(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Makes a stale row this request's claim, if it is still exactly the row that was read: same token,
     * and still answered or unanswered as it was (on PostgreSQL a concurrent answer is re-checked
     * against this condition once it commits).
     */
    private boolean takeOver(Request request, Stored stale, String token, Instant now) {
        return jdbc.sql("UPDATE idempotency_key SET method = :method, path = :path, body_sha256 = :sha,"
                        + " claim_token = :token, claimed_at = :now, status = NULL, content_type = NULL, location = NULL,"
                        + " response_body = NULL, answered_at = NULL"
                        + " WHERE login = :login AND idempotency_key = :key AND claim_token = :old AND status "
                        + (stale.answer() == null ? "IS NULL" : "IS NOT NULL"))
                .param("method", request.method())
                .param("path", request.path())
                .param("sha", request.bodySha256())
                .param("token", token)
                .param("now", timestamp(now))
                .param("login", request.login())
                .param("key", request.key())
                .param("old", stale.token())
                .update() == 1;
    }

    private record Stored(String method, String path, String bodySha256, String token, Instant claimedAt,
                          Answer answer, Instant answeredAt) {
    }

    private Optional<Stored> find(String login, String key) {
        return jdbc.sql("SELECT method, path, body_sha256, claim_token, claimed_at, status, content_type, location,"
                        + " response_body, answered_at FROM idempotency_key WHERE login = :login AND idempotency_key = :key")
                .param("login", login)
                .param("key", key)
                .query((row, n) -> {
                    int status = row.getInt("status");
                    boolean answered = !row.wasNull();
                    return new Stored(row.getString("method"), row.getString("path"), row.getString("body_sha256"),
                            row.getString("claim_token"), row.getObject("claimed_at", OffsetDateTime.class).toInstant(),
                            answered ? new Answer(status, row.getString("content_type"), row.getString("location"),
                                    row.getBytes("response_body")) : null,
                            answered ? row.getObject("answered_at", OffsetDateTime.class).toInstant() : null);
                })
                .optional();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
