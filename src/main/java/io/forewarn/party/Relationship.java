package io.forewarn.party;

import io.forewarn.code.Coded;

import java.util.Locale;

/**
 * How the agency stands with a party. Recorded for oversight; it never changes whether a party is
 * affected, nor (without a waiver saying why) how specifically it is warned.
 */
public enum Relationship implements Coded {
    ALLY, NEUTRAL, ADVERSARIAL;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a relationship's code; {@code adversary} is read as {@code adversarial}. */
    public static Relationship of(String code) {
        return Coded.normalized(code).equals("adversary") ? ADVERSARIAL
                : Coded.of(Relationship.class, "relationship", code);
    }
}
