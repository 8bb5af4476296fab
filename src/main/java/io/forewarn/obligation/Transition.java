package io.forewarn.obligation;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in an obligation's history: who moved it, when, under which policy version, and why.
 * The note never carries protected material.
 */
public record Transition(ObligationState from, ObligationState to, Instant at, String actor, int policyVersion,
                         String note) {
    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        note = note == null ? "" : note;
    }
}
