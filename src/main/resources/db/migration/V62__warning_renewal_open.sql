-- Whether a renewal may still fall due for a warning: 1 while it ends before its report's threat window does, is not
-- cancelled, no warning renews it and no renewal-due event names it; 0 once any of that stops being so. The sweep
-- asked for "ended by now and awaiting renewal" with those conditions in the query itself
-- (JdbcCasebook.warningsAwaitingRenewal), which read every warning ended by then, renewed, called for or not: a cost
-- that grew with every warning ever issued (issue 10). It now reads the open ones by this index. The casebook
-- keeps the column as the rows it depends on change: a warning written (it and the warning it renews), a report's
-- threat window revised (its warnings), a renewal-due event appended (its warning).

ALTER TABLE warning ADD COLUMN renewal_open INT DEFAULT 0 NOT NULL;

UPDATE warning SET renewal_open = CASE WHEN cancelled_at IS NULL
        AND valid_to < (SELECT r.window_to FROM report r WHERE r.id = warning.report_id)
        AND NOT EXISTS (SELECT 1 FROM warning n WHERE n.renews = warning.id)
        AND NOT EXISTS (SELECT 1 FROM duty_event e WHERE e.type = 'renewal-due' AND e.subject = warning.id)
    THEN 1 ELSE 0 END;

CREATE INDEX warning_renewal_open_ix ON warning (renewal_open, valid_to);
CREATE INDEX warning_report_ix ON warning (report_id);
