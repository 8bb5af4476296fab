package io.forewarn.place;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A place as stated at one or more levels of the hierarchy, e.g. site Crocus City Hall, locality
 * Krasnogorsk, region Moscow Oblast, country RU. Any level may carry geometry.
 */
public record Place(Map<PlaceLevel, NamedPlace> levels) {

    public Place {
        EnumMap<PlaceLevel, NamedPlace> copy = new EnumMap<>(PlaceLevel.class);
        copy.putAll(levels);
        levels = Collections.unmodifiableMap(copy);
    }

    public static Place of(Map<PlaceLevel, NamedPlace> levels) {
        return new Place(levels);
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    public Optional<NamedPlace> at(PlaceLevel level) {
        return Optional.ofNullable(levels.get(level));
    }

    /** The most specific level this place is stated at. */
    public Optional<PlaceLevel> mostSpecificLevel() {
        return levels.keySet().stream().findFirst();
    }

    /** The most specific geometry this place carries, with its level. */
    public Optional<Map.Entry<PlaceLevel, Area>> mostSpecificArea() {
        return levels.entrySet().stream()
                .filter(entry -> entry.getValue().area().isPresent())
                .findFirst()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().area().orElseThrow()));
    }

    /** This place stated no more specifically than {@code level}: finer levels are dropped. */
    public Place coarsenedTo(PlaceLevel level) {
        EnumMap<PlaceLevel, NamedPlace> kept = new EnumMap<>(PlaceLevel.class);
        levels.forEach((l, named) -> {
            if (l.compareTo(level) >= 0) {
                kept.put(l, named);
            }
        });
        return new Place(kept);
    }

    @Override
    public String toString() {
        return String.join(", ", levels.values().stream().map(NamedPlace::name).toList());
    }
}
