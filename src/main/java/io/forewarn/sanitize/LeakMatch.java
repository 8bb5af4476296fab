package io.forewarn.sanitize;

import io.forewarn.policy.Role;

import java.util.Objects;

/**
 * One protected item that shows through a draft warning.
 *
 * <p>The record holds the item itself, so it is protected material: {@link #describe(Role)} names
 * the item only to roles that may read protected material, and {@link #toString()} never does,
 * because records end up in log lines and exception messages without anyone deciding so.
 *
 * @param kind  which list of the report the item comes from
 * @param index the item's 0-based position in that list; for a portion, its position among all of
 *              the report's portions, whatever their marking
 * @param item  the protected text as written in the report
 */
public record LeakMatch(Kind kind, int index, String item) {

    /** The lists of a report that hold protected items. */
    public enum Kind {
        SOURCE("protected source"),
        METHOD("protected method"),
        TERM("protected term"),
        PORTION("protected portion");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the kind is named to a reader, e.g. {@code protected term}. */
        public String label() {
            return label;
        }
    }

    public LeakMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
    }

    /**
     * The match as the given role may see it: {@code protected term #2 "NIGHTJAR"} for a role
     * that may read protected material, {@code protected term #2} for every other role. The
     * number is {@link #index()}, 0-based, as in the constructor errors of {@link LeakCheck}.
     */
    public String describe(Role role) {
        Objects.requireNonNull(role, "role");
        String redacted = kind.label() + " #" + index;
        return role.mayReadProtectedMaterial() ? redacted + " \"" + item + "\"" : redacted;
    }

    /** The redacted form, as for a role without need-to-know. */
    @Override
    public String toString() {
        return kind.label() + " #" + index;
    }
}
