-- The hashes of the complete subtrees the log ends with (its right edge: one per bit of its size), kept beside the
-- size in ledger_state's one row, so that an append reads all it needs from before in the statement that takes the
-- row's lock (io.forewarn.ledger.jdbc.JdbcLedger#write): the lock is every writer's queue, and each round trip
-- made while holding it is a wait for all the others (issue 10: at 150 reports/s, two to three transactions
-- were always waiting on it). "level:position:hash" items, comma-separated; NULL until the first append after this
-- migration (the edge is then read from ledger_entry and ledger_node, as before).

ALTER TABLE ledger_state ADD COLUMN right_edge VARCHAR(8000);
