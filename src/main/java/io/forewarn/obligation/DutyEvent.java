package io.forewarn.obligation;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in the handling of reports: every arrow of the flow is one of these, and
 * every one is appended to the case's timeline (and, later, the ledger). The summary is written for
 * every reader, so it never carries protected material.
 *
 * @param type    a stable code such as {@code obligation-opened} or {@code warning-issued}
 * @param subject what it is about: a report, obligation, draft, warning, waiver or incident id
 */
public record DutyEvent(Instant at, String type, String subject, String actor, String summary) {
    public DutyEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
    }
}
