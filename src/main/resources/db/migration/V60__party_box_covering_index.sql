-- The candidates of a report by geometry (io.forewarn.store.PartyIndex.candidates) are one index range on
-- (size_class, south) per size class, filtered by north, west and east. On 100,000 parties a report's range of
-- size class 1 holds about 2,700 boxes, and each was read from the table to be filtered. With every column the
-- query reads in the index, H2 and PostgreSQL (an index-only scan) filter the range in the index itself.
-- Same name, same leading columns: the plans that used the old index use this one.

DROP INDEX party_box_class_south_ix;
CREATE INDEX party_box_class_south_ix ON party_box (size_class, south, north, west, east, party_id);
