package io.forewarn.place;

import java.util.Objects;

/**
 * One name of a place's path (its site, locality, region or country), folded by {@link Names#normalise} as
 * names are compared, with the finer levels the same place also names ({@code finer}: a bit per
 * {@link PlaceLevel} ordinal). Two places meet by names at the finest level both name, so a name can only
 * decide where no finer level is named on both sides; the bits let an index ask exactly that.
 */
public record PathName(PlaceLevel level, String name, int finer) {

    public PathName {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
    }

    static int bit(PlaceLevel level) {
        return 1 << level.ordinal();
    }
}
