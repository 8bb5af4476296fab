-- The deliveries in one state across every warning (GET /api/v1/deliveries): what liaison has still to carry
-- (queued over liaison), or every delivery given up on (dead-lettered), a page at a time in the order they were
-- enqueued. Each index yields its rows in seq order, so a page reads its rows and no more, however long the
-- outbox's history grows.
CREATE INDEX delivery_state_ix ON delivery (state, seq);
CREATE INDEX delivery_channel_state_ix ON delivery (state, channel, seq);
