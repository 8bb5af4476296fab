package io.forewarn.place;

import java.util.Objects;

/**
 * The answer to "do these places meet?" (or "does this place contain that one?") with the reason,
 * which reviews and timelines show so that a reader sees why a party was or was not reached.
 *
 * @param answer yes, no, or unknown: the names did not settle it and the gazetteer could not place one of them
 * @param basis  what decided: geometry, names, or the gazetteer
 * @param reason a sentence for people, starting with the basis, e.g. "names: same country RU"
 */
public record Overlap(Answer answer, Basis basis, String reason) {

    /** Three answers, since a name nobody can place is neither inside nor outside anything. */
    public enum Answer {
        YES, NO, UNKNOWN
    }

    /** What a decision about two places rested on. */
    public enum Basis {
        GEOMETRY, NAMES, GAZETTEER;

        String prefix() {
            return switch (this) {
                case GEOMETRY -> "geometry: ";
                case NAMES -> "names: ";
                case GAZETTEER -> "gazetteer: ";
            };
        }
    }

    public Overlap {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the places meet (or the one contains the other); false when that is unknown. */
    public boolean holds() {
        return answer == Answer.YES;
    }

    /** Whether nothing could tell: a name the gazetteer cannot place. */
    public boolean unknown() {
        return answer == Answer.UNKNOWN;
    }

    static Overlap byGeometry(boolean holds, String detail) {
        return new Overlap(holds ? Answer.YES : Answer.NO, Basis.GEOMETRY, Basis.GEOMETRY.prefix() + detail);
    }

    static Overlap byNames(boolean holds, String detail) {
        return new Overlap(holds ? Answer.YES : Answer.NO, Basis.NAMES, Basis.NAMES.prefix() + detail);
    }

    static Overlap byGazetteer(boolean holds, String detail) {
        return new Overlap(holds ? Answer.YES : Answer.NO, Basis.GAZETTEER, Basis.GAZETTEER.prefix() + detail);
    }

    static Overlap unknown(String detail) {
        return new Overlap(Answer.UNKNOWN, Basis.GAZETTEER, Basis.GAZETTEER.prefix() + detail);
    }

    @Override
    public String toString() {
        return switch (answer) {
            case YES -> "yes, ";
            case NO -> "no, ";
            case UNKNOWN -> "unknown, ";
        } + reason;
    }
}
