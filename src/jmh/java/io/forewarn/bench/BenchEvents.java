package io.forewarn.bench;

import io.forewarn.obligation.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Duty events shaped like the workflow's (stable type codes, ids as subjects, a one-line summary), so that the
 * rows and ledger entries benchmarked have the sizes real ones have: about 250 bytes of canonical JSON per
 * entry. None is a {@code report-received}, whose entry also reads the report's salted digests.
 */
final class BenchEvents {

    private static final String[] TYPES = {"obligation-opened", "draft-created", "draft-approved", "warning-issued",
            "obligation-met", "deadline-escalated"};
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private BenchEvents() {
    }

    /** Events {@code from} to {@code from + count - 1}. */
    static List<TimelineEntry> events(long from, int count) {
        List<TimelineEntry> events = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            String type = TYPES[(int) (n % TYPES.length)];
            String subject = "O-" + (100_000 + n / TYPES.length);
            events.add(new TimelineEntry(START.plusSeconds(n), type, subject, n % 3 == 0 ? "scheduler" : "analyst-" + (n % 17),
                    type.replace('-', ' ') + " for " + subject + " (report R-" + (n / 60) + ", party P-" + (n % 211)
                            + "), under policy version 3"));
        }
        return events;
    }
}
