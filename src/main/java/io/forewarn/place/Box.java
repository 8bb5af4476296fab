package io.forewarn.place;

/**
 * A latitude–longitude box in degrees, never crossing the antimeridian ({@code west <= east}), in one of
 * the size classes of {@link Footprint#SIZE_CLASSES}: a box of class {@code c} is at most
 * {@code SIZE_CLASSES[c]} degrees tall and as many wide, so a database finds those meeting a query by a range of
 * southern edges in each of a few columns of longitude {@code SIZE_CLASSES[c]} degrees wide.
 */
public record Box(int sizeClass, double south, double north, double west, double east) {

    public Box {
        if (!(south <= north) || !(west <= east)) {
            throw new IllegalArgumentException("a box runs south to north and west to east, not " + south + ".." + north
                    + ", " + west + ".." + east);
        }
    }

    /** Whether the two boxes share any point, edges included. */
    public boolean meets(Box other) {
        return south <= other.north && other.south <= north && west <= other.east && other.west <= east;
    }
}
