package io.forewarn.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every policy version ever loaded, kept as the text it was loaded from, so each decision can be
 * traced to the exact rules it was made under. Versions only grow; none is replaced or removed.
 */
public interface PolicyVersions {

    /** One stored version: its number, its source text and when it was loaded. */
    record Stored(int version, String source, Instant loadedAt) {
    }

    List<Stored> all();

    default Optional<Stored> latest() {
        List<Stored> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Stores a new version; refused unless its number is higher than every stored one. */
    void add(Stored version);
}
