package io.forewarn.obligation;

import java.util.Objects;

/**
 * The event of the change that made another happen: the report received (or revised) or the party registered
 * (updated, removed) that opened or closed an obligation. It is named by its type and subject, as the
 * timeline keeps them, so an obligation's history and its events say what brought them about.
 */
public record Cause(EventType type, String subject) {

    public Cause {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    public static Cause of(DutyEvent event) {
        return new Cause(event.type(), event.subject());
    }

    /** "party-registered kazan-public": ids and codes only, so it may stand in any summary. */
    public String describe() {
        return type.code() + " " + subject;
    }
}
