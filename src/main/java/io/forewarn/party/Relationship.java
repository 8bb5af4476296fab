package io.forewarn.party;

import java.util.Locale;

/**
 * How the agency stands with a party. Recorded for oversight; it never changes whether a party is
 * affected, nor (without a waiver saying why) how specifically it is warned.
 */
public enum Relationship {
    ALLY, NEUTRAL, ADVERSARIAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Relationship of(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Relationship relationship : values()) {
            if (relationship.code().equals(wanted) || (relationship == ADVERSARIAL && wanted.equals("adversary"))) {
                return relationship;
            }
        }
        throw new IllegalArgumentException("unknown relationship '" + code + "' (ally, neutral, adversarial)");
    }
}
