package io.forewarn.place;

import java.util.Objects;

/**
 * The answer to "do these places meet?" (or "does this place contain that one?") with the reason,
 * which reviews and timelines show so that a reader sees why a party was or was not reached.
 *
 * @param holds  whether the places meet (or the one contains the other)
 * @param basis  what decided: geometry or names
 * @param reason a sentence for people, starting with the basis, e.g. "names: same country RU"
 */
public record Overlap(boolean holds, Basis basis, String reason) {

    /** What a decision about two places rested on. */
    public enum Basis {
        GEOMETRY, NAMES;

        String prefix() {
            return this == GEOMETRY ? "geometry: " : "names: ";
        }
    }

    public Overlap {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
    }

    static Overlap byGeometry(boolean holds, String detail) {
        return new Overlap(holds, Basis.GEOMETRY, Basis.GEOMETRY.prefix() + detail);
    }

    static Overlap byNames(boolean holds, String detail) {
        return new Overlap(holds, Basis.NAMES, Basis.NAMES.prefix() + detail);
    }

    @Override
    public String toString() {
        return (holds ? "yes, " : "no, ") + reason;
    }
}
