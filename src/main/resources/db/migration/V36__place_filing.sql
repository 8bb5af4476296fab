-- Which gazetteer the index of places (party_place, report_place: V31) was filed under. store.GazetteerImport adds
-- one to gazetteer_version with every import; a server at start re-files every party and every open report when
-- filed_under is not gazetteer_version (NULL after an upgrade: the rows stored before V31 were never filed), then
-- records it (store.PlaceFiling). One row.
CREATE TABLE place_filing (
    id INT NOT NULL,
    gazetteer_version BIGINT NOT NULL,
    filed_under BIGINT,
    CONSTRAINT place_filing_pk PRIMARY KEY (id)
);
INSERT INTO place_filing (id, gazetteer_version, filed_under) VALUES (1, 1, NULL);
