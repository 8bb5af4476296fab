-- When a warning was cancelled (io.forewarn.obligation.Cancellation, POST /api/v1/warnings/{id}/cancellation), copied
-- out of its body so that the renewal the clock looks for (JdbcCasebook.warningsAwaitingRenewal) leaves cancelled
-- warnings out in the query itself. NULL while the warning stands. valid_to stays the validity as issued: the public
-- feed lists a cancelled warning, as its Cancel, until then.

ALTER TABLE warning ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
