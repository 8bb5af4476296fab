package io.forewarn.place;

import java.util.Objects;
import java.util.Optional;

/** One level of a place: its name and, where known, its geometry. */
public record NamedPlace(String name, Optional<Area> area) {
    public NamedPlace {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a place name must not be blank");
        }
        Objects.requireNonNull(area, "area");
    }

    public static NamedPlace named(String name) {
        return new NamedPlace(name, Optional.empty());
    }
}
