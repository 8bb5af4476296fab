package io.forewarn.report;

import java.util.Objects;

/** One paragraph of a report's narrative with its own marking. */
public record Portion(Marking marking, String text) {
    public Portion {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(text, "text");
    }

    public boolean isProtected() {
        return marking == Marking.PROTECTED;
    }
}
