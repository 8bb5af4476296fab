-- Idempotency keys of API requests (io.forewarn.web.IdempotencyFilter, io.forewarn.store.JdbcIdempotencyKeys).
--
-- One row per login and key: the request the key was first used for (method, path with its query,
-- SHA-256 of the body as 64 hex digits) and, once it has been answered, the answer (status, content
-- type, Location header, body bytes). A row whose status is NULL is a claim: the request is still
-- running, under the random claim_token only its own request knows. The answer is written by an
-- UPDATE that names that token, in the same transaction as the change the request made, so the two
-- commit together or not at all; a claim taken over by another request (its lease ran out) makes the
-- original's UPDATE find nothing, and the original then rolls its change back.
--
-- Same portable subset as V1: VARCHAR, TEXT, INT, TIMESTAMP WITH TIME ZONE, and BYTEA (H2 reads it as
-- VARBINARY). Rows are operational, not part of the case: they are purged a day after they are
-- answered.

CREATE TABLE idempotency_key (
    login           VARCHAR(500) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    method          VARCHAR(10)  NOT NULL,
    path            TEXT         NOT NULL,
    body_sha256     VARCHAR(64)  NOT NULL,
    claim_token     VARCHAR(64)  NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          INT,
    content_type    TEXT,
    location        TEXT,
    response_body   BYTEA,
    answered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (login, idempotency_key)
);
CREATE INDEX idempotency_key_claimed_ix ON idempotency_key (claimed_at);
CREATE INDEX idempotency_key_answered_ix ON idempotency_key (answered_at);
