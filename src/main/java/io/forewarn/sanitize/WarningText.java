package io.forewarn.sanitize;

import io.forewarn.report.Harm;

import java.util.Optional;

/** Composes the plain-language text of a warning from the statements released for each facet. */
final class WarningText {

    private WarningText() {
    }

    static String compose(Harm harm, Optional<String> method, Optional<String> actor, Optional<String> target,
                          Optional<String> place, Optional<String> time) {
        StringBuilder text = new StringBuilder("Credible threat of ")
                .append(method.map(m -> m.toLowerCase(java.util.Locale.ROOT)).orElse("an attack"));
        actor.ifPresent(a -> text.append(" by ").append(a));
        target.ifPresent(t -> text.append(" against ").append(t));
        place.ifPresent(p -> text.append(" in ").append(p));
        time.ifPresent(t -> text.append(", ").append(t));
        text.append(". Risk of ").append(harmWords(harm)).append('.');
        return text.toString();
    }

    private static String harmWords(Harm harm) {
        return switch (harm) {
            case KILLING -> "death";
            case SERIOUS_BODILY_INJURY -> "serious injury";
            case KIDNAPPING -> "kidnapping";
            case OTHER -> "harm";
        };
    }
}
