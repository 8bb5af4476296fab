package io.forewarn.dissemination;

import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One warning on its way to one contact point of one party: what a channel sends.
 *
 * @param id        stable across every attempt, so a receiver that is sent it twice can drop the second
 *                  (delivery is at least once); webhooks send it as {@code webhook-id}
 * @param kind      why it is sent: a new warning, a renewal of one, or the cancellation of one
 * @param warning   the warning as issued; channels render it, in {@link #language()} where it has that text
 * @param partyId   the party it is for
 * @param languages the languages the party reads, in its order of preference; English when it names none
 * @param attempt   1 for the first attempt, counting up on each retry
 */
public record Delivery(String id, Kind kind, Warning warning, String partyId, ContactPoint to,
                       List<Language> languages, int attempt) {

    /** Why a delivery is sent; maps to CAP's msgType Alert, Update and Cancel. */
    public enum Kind {
        ALERT, UPDATE, CANCEL;

        /** The kinds that carry the warning itself; a cancellation carries its withdrawal. */
        public static final Set<Kind> WARNINGS = Collections.unmodifiableSet(EnumSet.of(ALERT, UPDATE));

        /**
         * The warning a renewal goes out as an update of: the one it renews, unless that one was cancelled. Its
         * Cancel closed that line and told every receiver to drop it, so the renewal that warns again after a
         * cancellation is a new alert, not an update of a withdrawn one.
         */
        public static Optional<Warning> updating(Optional<Warning> renewed) {
            return renewed.filter(earlier -> earlier.cancellation().isEmpty());
        }

        /** What a warning that renews {@code renewed} (or none) goes out as: an update of it, or a new alert. */
        public static Kind of(Optional<Warning> renewed) {
            return updating(renewed).isPresent() ? UPDATE : ALERT;
        }
    }

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(to, "to");
        languages = List.copyOf(languages);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
    }

    /** The first of the party's languages the warning is written in; English when none is. */
    public Language language() {
        return languages.stream()
                .filter(warning.texts()::containsKey)
                .findFirst()
                .orElse(Language.ENGLISH);
    }

    /** The warning's text in {@link #language()}. */
    public String text() {
        return warning.texts().get(language());
    }
}
