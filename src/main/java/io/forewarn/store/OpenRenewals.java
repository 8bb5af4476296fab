package io.forewarn.store;

import io.forewarn.obligation.EventType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * {@code warning.renewal_open} (migration 62): 1 while a renewal may still fall due for a warning — it ends before its
 * report's threat window, is not cancelled, no warning renews it and no renewal-due event names it. The sweep reads
 * the open ones ending by a given instant by an index, so its cost is what awaits renewal, not every warning ever
 * issued. Each writer of a row the column depends on asks for it to be worked out again for the warnings it touched,
 * in that writer's transaction, from the rows themselves: the same expression as the migration's. Receiving a report does
 * not: a report has no warnings until it is on file (warnings are issued for received reports only), so a new one
 * costs no statement here. The sweep checks each warning it reads again (renewed, renewal called for, ending before
 * its threat) before it decides anything (DeadlineSweep), so a warning a race left open costs a read, not a decision.
 */
final class OpenRenewals {

    private static final String RECKON = "UPDATE warning SET renewal_open = CASE WHEN cancelled_at IS NULL"
            + " AND valid_to < (SELECT r.window_to FROM report r WHERE r.id = warning.report_id)"
            + " AND NOT EXISTS (SELECT 1 FROM warning n WHERE n.renews = warning.id)"
            + " AND NOT EXISTS (SELECT 1 FROM duty_event e WHERE e.type = :renewalDue AND e.subject = warning.id)"
            + " THEN 1 ELSE 0 END WHERE ";

    /** The bodies of the warnings whose renewal is open and that end by {@code :dueBy}, in issue order. */
    static final String ENDING_BY = "SELECT body FROM warning WHERE renewal_open = 1 AND valid_to <= :dueBy ORDER BY seq";

    private OpenRenewals() {
    }

    /**
     * After a warning is written (the warning itself, and the one it renews), or a renewal-due event names them; the
     * caller keeps the list within what an IN list takes.
     */
    static void reckonWarnings(JdbcClient jdbc, List<String> warningIds) {
        jdbc.sql(RECKON + "id IN (:ids)")
                .param("renewalDue", EventType.RENEWAL_DUE.code())
                .param("ids", warningIds)
                .update();
    }

    /** After a report's threat window is revised: its warnings end before it or not. */
    static void reckonReport(JdbcClient jdbc, String reportId) {
        jdbc.sql(RECKON + "report_id = :report")
                .param("renewalDue", EventType.RENEWAL_DUE.code())
                .param("report", reportId)
                .update();
    }
}
