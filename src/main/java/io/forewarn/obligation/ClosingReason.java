package io.forewarn.obligation;

import io.forewarn.code.Coded;

import java.util.Locale;

/**
 * Why an obligation was closed without being fulfilled or waived. A closed obligation never disappears:
 * it keeps its history, and the review holds the reason against it. A new way for the duty to end is one
 * more reason here, closing through the same {@link Obligation#close} step and event.
 */
public enum ClosingReason implements Coded {
    /** The threat window ended while the obligation was still awaiting its warning. */
    EXPIRED_UNWARNED,
    /**
     * The party is no longer affected by the report: it moved, it was removed, or the report's place or window
     * was revised. The obligation stays on file, closed, with its history.
     */
    NO_LONGER_AFFECTED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ClosingReason of(String code) {
        return Coded.of(ClosingReason.class, "closing reason", code);
    }
}
