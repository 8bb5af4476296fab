package io.forewarn.report;

import io.forewarn.code.Coded;

/**
 * One rung of a facet's ladder. {@code none} has rank 0 and each step towards the most specific
 * level adds one, so ranks compare specificity within a facet and sum into a warning's score.
 */
public record Level(Facet facet, String name, int rank) implements Comparable<Level>, Coded {

    /** The level's name on its facet's ladder, which is how files write it ({@code locality}). */
    @Override
    public String code() {
        return name;
    }

    public boolean isNone() {
        return rank == 0;
    }

    public boolean isMoreSpecificThan(Level other) {
        requireSameFacet(other);
        return rank > other.rank;
    }

    public boolean isLessSpecificThan(Level other) {
        requireSameFacet(other);
        return rank < other.rank;
    }

    /** The less specific of the two levels. */
    public Level coarser(Level other) {
        requireSameFacet(other);
        return rank <= other.rank ? this : other;
    }

    @Override
    public int compareTo(Level other) {
        requireSameFacet(other);
        return Integer.compare(rank, other.rank);
    }

    private void requireSameFacet(Level other) {
        if (other.facet != facet) {
            throw new IllegalArgumentException("cannot compare " + this + " with " + other);
        }
    }

    @Override
    public String toString() {
        return facet.key() + ":" + name;
    }
}
