package io.forewarn.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the ledger records of one event on a case's timeline: its stable type code, subject, actor, summary
 * and time, and, for a report, the salted digests of its protected material (never the material).
 *
 * <p>{@link #body} is the one rendering of an entry, whichever storage keeps the log: the canonical JSON
 * (RFC 8785) of {@code {"index", "time", "event": {"type", "subject", "actor", "summary", "at"}}} plus
 * {@code "protected": [digest, ...]} when there are digests. Stored ledgers hash exactly these bytes, so the
 * shape never changes.
 */
public record LedgerEvent(String type, String subject, String actor, String summary, Instant at,
                          List<String> protectedDigests) {

    public LedgerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        protectedDigests = List.copyOf(protectedDigests);
    }

    /** The entry's body when this event is entry {@code index}, made at {@code time}. */
    public String body(long index, Instant time) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("type", type);
        recorded.put("subject", subject);
        recorded.put("actor", actor);
        recorded.put("summary", summary);
        recorded.put("at", at.toString());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("time", time.toString());
        entry.put("event", recorded);
        if (!protectedDigests.isEmpty()) {
            entry.put("protected", protectedDigests);
        }
        return CanonicalJson.write(entry);
    }
}
