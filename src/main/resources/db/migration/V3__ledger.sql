-- The tamper-evident ledger: every duty_event, as an RFC 9162 Merkle log (see io.forewarn.store.JdbcLedger).
--
-- V3 (V2 is another branch's); plain SQL for H2 2.4 and PostgreSQL 15 like V1. Hashes are lowercase hex.
-- Nothing here is ever updated or deleted, except ledger_state's one row, which counts the entries.

-- The one row appends lock (SELECT ... FOR UPDATE), so indices are handed out one after another, with no
-- gap, in commit order. `public_key` is the X.509 (hex) of the key whose heads this log publishes, set
-- by the first server that signs one; a server with another key refuses to sign for this log.
CREATE TABLE ledger_state (
    id         INT    NOT NULL,
    size       BIGINT NOT NULL,
    public_key TEXT,
    CONSTRAINT ledger_state_pk PRIMARY KEY (id),
    CONSTRAINT ledger_state_one_row CHECK (id = 1)
);
INSERT INTO ledger_state (id, size) VALUES (1, 0);

-- One entry per duty_event, written in the transaction that writes the event. `body` is the canonical
-- JSON (RFC 8785) the leaf hash is computed over, exactly as hashed; `at` is when the entry was made.
CREATE TABLE ledger_entry (
    idx       BIGINT      NOT NULL,
    event_seq BIGINT      NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    body      TEXT        NOT NULL,
    leaf_hash VARCHAR(64) NOT NULL,
    CONSTRAINT ledger_entry_pk PRIMARY KEY (idx),
    CONSTRAINT ledger_entry_event_uk UNIQUE (event_seq),
    CONSTRAINT ledger_entry_event_fk FOREIGN KEY (event_seq) REFERENCES duty_event (seq)
);

-- The hash of every complete subtree of 2^lvl leaves (lvl >= 1) starting at leaf pos * 2^lvl: written once,
-- when its last leaf is appended, so any root or proof, present or past, takes O(log n) reads.
CREATE TABLE ledger_node (
    lvl  INT         NOT NULL,
    pos  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT ledger_node_pk PRIMARY KEY (lvl, pos)
);

-- The signed tree heads this log has published, one per size (a head is signed only when the log grew).
CREATE TABLE ledger_head (
    size         BIGINT       NOT NULL,
    signed_at    BIGINT       NOT NULL,
    root_hash    VARCHAR(64)  NOT NULL,
    signature    VARCHAR(128) NOT NULL,
    CONSTRAINT ledger_head_pk PRIMARY KEY (size)
);

-- The salts of a report's protected material, one per item, beside the report and never in the ledger:
-- the ledger entry of "report-received" carries only HMAC-SHA-256(salt, item) (io.forewarn.ledger.SaltedHash).
-- With the salt and the item, oversight can confirm which material a decision involved.
CREATE TABLE report_protected_salt (
    report_id VARCHAR(200) NOT NULL,
    position  INT          NOT NULL,
    kind      VARCHAR(20)  NOT NULL,
    salt      VARCHAR(64)  NOT NULL,
    digest    VARCHAR(64)  NOT NULL,
    CONSTRAINT report_protected_salt_pk PRIMARY KEY (report_id, position),
    CONSTRAINT report_protected_salt_report_fk FOREIGN KEY (report_id) REFERENCES report (id)
);
