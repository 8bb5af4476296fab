-- Bearer tokens revoked before they expire (io.forewarn.web.security.ForewarnTokens,
-- io.forewarn.store.JdbcRevokedTokens): a logout (DELETE /api/v1/tokens/current) writes the token's id
-- here, and every node on this database refuses a token whose id is here.
--
-- Only the id (the token's random "jti", never the token itself), the login it was issued to and when
-- it expires. Every bearer request looks its id up by the primary key; a row is useless once its token
-- has expired (the signature check refuses the token first), so rows are deleted after expires_at, by
-- the index below.

CREATE TABLE revoked_token (
    token_id   VARCHAR(64)  NOT NULL,
    login      VARCHAR(500) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_token_pk PRIMARY KEY (token_id)
);
CREATE INDEX revoked_token_expires_ix ON revoked_token (expires_at);
