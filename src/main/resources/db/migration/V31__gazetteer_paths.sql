-- Where the gazetteer puts each party's and each open report's place: its own entry (own = 1) and every entry
-- containing it (own = 0), by the gazetteer's ids (geonames:542374, admin1:RU.47, country:RU), and whether the
-- place carries geometry (geometry = 1: for a party at any level, for a report at its most specific one). A report
-- finds the parties placed at or within its entry, and those whose own entry contains it, by one index lookup each
-- (store.PartyIndex), leaving out those with geometry when it has geometry itself (geometry alone compares them);
-- a party registered later finds the open reports the same way (store.ReportIndex).
CREATE TABLE party_place (
    party_id VARCHAR(200) NOT NULL,
    place_id VARCHAR(200) NOT NULL,
    own INT NOT NULL,
    geometry INT NOT NULL
);
CREATE INDEX party_place_place_ix ON party_place (place_id, own, geometry);
CREATE INDEX party_place_party_ix ON party_place (party_id);

CREATE TABLE report_place (
    report_id VARCHAR(200) NOT NULL,
    window_to TIMESTAMP WITH TIME ZONE NOT NULL,
    place_id VARCHAR(200) NOT NULL,
    own INT NOT NULL,
    geometry INT NOT NULL
);
CREATE INDEX report_place_open_ix ON report_place (window_to);
CREATE INDEX report_place_report_ix ON report_place (report_id);
