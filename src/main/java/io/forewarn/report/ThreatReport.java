package io.forewarn.report;

import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What was learned: a harm, who threatens it, against whom, where, when and how, graded for
 * credibility, with a narrative in marked portions and the protected material behind it.
 *
 * <p>Place is stated as a {@link Place} (names per hierarchy level, optionally with geometry),
 * time as a {@link TimeWindow}; target, method and actor as one text per ladder level. Construction
 * validates everything and names the offending field.
 */
public record ThreatReport(
        String id,
        Instant receivedAt,
        Harm harm,
        Credibility credibility,
        Place place,
        TimeWindow window,
        Map<Facet, Map<Level, String>> statements,
        List<Portion> portions,
        ProtectedMaterial protectedMaterial,
        boolean synthetic) {

    /** The facets stated as plain text per level. */
    public static final List<Facet> TEXT_FACETS = List.of(Facet.TARGET, Facet.METHOD, Facet.ACTOR);

    public ThreatReport {
        require(id != null && !id.isBlank(), "id", "is required");
        require(receivedAt != null, "received-at", "is required");
        require(harm != null, "harm", "is required");
        require(credibility != null, "credibility", "is required");
        require(place != null && !place.isEmpty(), "place", "needs at least one level (site, locality, region or country)");
        require(window != null, "time", "needs a window with from and to");
        require(statements != null, "statements", "is required");
        EnumMap<Facet, Map<Level, String>> copy = new EnumMap<>(Facet.class);
        for (Facet facet : TEXT_FACETS) {
            Map<Level, String> byLevel = statements.getOrDefault(facet, Map.of());
            require(!byLevel.isEmpty(), facet.key(), "needs at least one level ("
                    + String.join(", ", facet.ladder().stream().filter(l -> !l.isNone()).map(Level::name).toList()) + ")");
            var sorted = new java.util.TreeMap<Level, String>(Collections.reverseOrder());
            byLevel.forEach((level, text) -> {
                require(level.facet() == facet, facet.key(), "level " + level + " belongs to another facet");
                require(!level.isNone(), facet.key() + ".none", "cannot carry a statement");
                require(text != null && !text.isBlank(), facet.key() + "." + level.name(), "must not be blank");
                sorted.put(level, text.strip());
            });
            copy.put(facet, Collections.unmodifiableMap(sorted));
        }
        for (Facet facet : statements.keySet()) {
            require(TEXT_FACETS.contains(facet), facet.key(), "is stated as a place or a time window, not as text");
        }
        statements = Collections.unmodifiableMap(copy);
        portions = List.copyOf(Objects.requireNonNullElse(portions, List.of()));
        protectedMaterial = Objects.requireNonNullElse(protectedMaterial, ProtectedMaterial.NONE);
    }

    private static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidReportException(field, problem);
        }
    }

    /** The most specific level the report itself supports for a facet. */
    public Level supportedLevel(Facet facet) {
        return switch (facet) {
            case PLACE -> place.mostSpecificLevel().map(l -> Facet.PLACE.level(l.key())).orElse(Facet.PLACE.none());
            case TIME -> window.supportedLevel();
            default -> statements.get(facet).keySet().iterator().next();
        };
    }

    /**
     * The text of a facet stated at most as specifically as {@code ceiling}: the most specific
     * statement whose level does not exceed it, or empty when nothing is that general.
     */
    public Optional<Map.Entry<Level, String>> statementWithin(Facet facet, Level ceiling) {
        if (!TEXT_FACETS.contains(facet)) {
            throw new IllegalArgumentException(facet.key() + " is not stated as text");
        }
        return statements.get(facet).entrySet().stream()
                .filter(entry -> entry.getKey().rank() <= ceiling.rank())
                .findFirst();
    }

    /** The place level of the hierarchy that corresponds to a place ladder level. */
    public static Optional<PlaceLevel> placeLevel(Level level) {
        if (level.facet() != Facet.PLACE) {
            throw new IllegalArgumentException(level + " is not a place level");
        }
        return level.isNone() ? Optional.empty() : Optional.of(PlaceLevel.of(level.name()));
    }

    public List<Portion> protectedPortions() {
        return portions.stream().filter(Portion::isProtected).toList();
    }
}
