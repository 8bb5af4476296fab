package io.forewarn.obligation;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link DutyEvent} as the timeline keeps it: when, its stable code, what it is about, who did it and
 * a summary. This is the form the casebook stores, the API lists and the ledger's entries hash, so it
 * stays flat and stable while the events themselves carry whole domain objects. The summary is written
 * for every reader, so it never carries protected material.
 *
 * @param type    a stable code such as {@code obligation-opened} or {@code warning-issued}
 * @param subject what it is about: a report, obligation, draft, warning, waiver or incident id
 */
public record TimelineEntry(Instant at, String type, String subject, String actor, String summary) {
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
    }

    /** The same entry with another summary. */
    public TimelineEntry withSummary(String other) {
        return new TimelineEntry(at, type, subject, actor, other);
    }
}
