package io.forewarn.gazetteer;

import io.forewarn.place.GazetteerEntry;

import java.util.Objects;

/**
 * A place a name may mean: its entry, whether the name is the place's own (its name or ASCII name) rather
 * than one of its alternate names, and its population, by which the larger of two places of one name wins.
 */
public record Candidate(GazetteerEntry entry, boolean byOwnName, long population) {
    public Candidate {
        Objects.requireNonNull(entry, "entry");
    }
}
