package io.forewarn.obligation;

import io.forewarn.report.ThreatReport;
import io.forewarn.sanitize.LeakCheck;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The need-to-know boundary for text written for every reader (event summaries and so the ledger, obligation
 * notes, review findings, what roles without need-to-know read of a report): such text passes the leak check of
 * the report it is about, the same check, with the same folding, that a warning passes; text that fails it is
 * replaced by wording built from ids alone. Facet text is not protected material by itself, but an analyst may
 * write a report's own protected term into a facet ("concerts at KESTREL LANTERN"); the check catches it there
 * in any of the disguises it folds away, and the ledger, which cannot take anything back, never receives it.
 *
 * <p>One instance keeps the leak check of each report it has met (reports never change after they are received),
 * so a change that writes many texts about one report builds its check once. Not thread-safe.
 */
public final class NeedToKnow {

    private final Function<String, Optional<ThreatReport>> reports;
    private final Map<String, Optional<LeakCheck>> checks = new HashMap<>();

    /** @param reports the report of an id, e.g. {@code casebook::report} */
    public NeedToKnow(Function<String, Optional<ThreatReport>> reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /**
     * Keeps the check of a report in hand (one just received), so that the texts about it written in the same change
     * do not read back from the casebook the report that was just written.
     */
    public void know(ThreatReport report) {
        checks.putIfAbsent(report.id(), Optional.of(LeakCheck.forReport(report)));
    }

    /** Whether {@code text} reveals protected material of the report {@code reportId}; false for a report not on file. */
    public boolean reveals(String reportId, String text) {
        return checkOf(reportId).map(check -> check.check(text).isBlocked()).orElse(false);
    }

    /** {@code text} if it reveals nothing of the report's protected material, else the wording {@code idsOnly} gives. */
    public String released(String reportId, String text, Supplier<String> idsOnly) {
        return reveals(reportId, text) ? idsOnly.get() : text;
    }

    /** Whether {@code text} reveals protected material of {@code report}. */
    public static boolean reveals(ThreatReport report, String text) {
        return LeakCheck.forReport(report).check(text).isBlocked();
    }

    private Optional<LeakCheck> checkOf(String reportId) {
        return checks.computeIfAbsent(reportId, id -> reports.apply(id).map(LeakCheck::forReport));
    }
}
