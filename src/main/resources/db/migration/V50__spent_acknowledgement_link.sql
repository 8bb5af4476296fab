-- Acknowledgement links that have been used (io.forewarn.dissemination.AcknowledgementLinks,
-- io.forewarn.store.JdbcSpentLinks). An emailed warning carries a signed link that names its delivery; the
-- first POST to it records the acknowledgement on the obligation and writes the delivery's id here, in the same
-- transaction. A link followed again finds its delivery here and changes nothing, on every node of the database.
--
-- The delivery's id only, and when: the acknowledgement itself, with who made it, is the ledger's event.

CREATE TABLE spent_acknowledgement_link (
    delivery_id VARCHAR(200) NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spent_acknowledgement_link_pk PRIMARY KEY (delivery_id)
);
