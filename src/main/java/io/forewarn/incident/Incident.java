package io.forewarn.incident;

import io.forewarn.place.Place;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An event that happened (an attack), to be correlated with earlier reports.
 *
 * @param target what was attacked, e.g. "concert hall", when known; matched against report targets
 */
public record Incident(
        String id,
        Instant at,
        Place place,
        String method,
        Optional<String> target,
        Casualties casualties,
        Optional<String> claimedBy) {

    public Incident {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an incident needs an id");
        }
        Objects.requireNonNull(at, "at");
        if (place == null || place.isEmpty()) {
            throw new IllegalArgumentException("incident " + id + " needs a place");
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(casualties, "casualties");
        Objects.requireNonNull(claimedBy, "claimedBy");
    }

    /** What is known of the people involved; a figure not yet known is empty. */
    public record Casualties(OptionalInt attackers, OptionalInt killed, OptionalInt injured, OptionalInt arrested) {
        public static final Casualties UNKNOWN =
                new Casualties(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

        public Casualties {
            for (OptionalInt figure : new OptionalInt[] {attackers, killed, injured, arrested}) {
                Objects.requireNonNull(figure, "figure");
                if (figure.isPresent() && figure.getAsInt() < 0) {
                    throw new IllegalArgumentException("casualty figures must not be negative");
                }
            }
        }
    }
}
