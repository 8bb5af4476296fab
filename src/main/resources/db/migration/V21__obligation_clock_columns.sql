-- The instants at which the clock alone may move an obligation, beside the obligation, so that the
-- deadline sweep (io.forewarn.obligation.DeadlineSweep) reads only what is due, by index ranges, and not
-- every obligation in a watched state with a look at its report and its warnings each (issue 10, item 5):
--
--   deadline    (already there)  an obligation awaiting its warning is overdue from it: (state, deadline);
--   window_to   a copy of its report's end of threat: one awaiting its warning is closed from it
--               (io.forewarn.store.JdbcCasebook keeps it when a report is revised): (state, window_to);
--   warning_to  the end of the validity of its latest warning (the last by warning.seq among those that
--               address its party for its report), NULL while none: one with a warning out expires from it
--               (rewritten when a warning is put): (state, warning_to).
--
-- Copies of what the bodies already say, never read back into a value. One script for H2 and PostgreSQL.

ALTER TABLE obligation ADD COLUMN window_to TIMESTAMP WITH TIME ZONE;
ALTER TABLE obligation ADD COLUMN warning_to TIMESTAMP WITH TIME ZONE;

UPDATE obligation SET window_to = (SELECT r.window_to FROM report r WHERE r.id = obligation.report_id);
UPDATE obligation SET warning_to = (SELECT l.valid_to FROM warning l WHERE l.seq = (
    SELECT MAX(w.seq) FROM warning_party p JOIN warning w ON w.id = p.warning_id
    WHERE p.report_id = obligation.report_id AND p.party_id = obligation.party_id));

CREATE INDEX obligation_state_window_to_ix ON obligation (state, window_to);
CREATE INDEX obligation_state_warning_to_ix ON obligation (state, warning_to);
