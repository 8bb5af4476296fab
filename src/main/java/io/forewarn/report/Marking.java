package io.forewarn.report;

import java.util.Locale;

/** The release marking of one narrative portion. */
public enum Marking {
    PUBLIC, PARTNER, PROTECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Marking of(String code) {
        for (Marking marking : values()) {
            if (marking.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
                return marking;
            }
        }
        throw new IllegalArgumentException("unknown marking '" + code + "' (markings: public, partner, protected)");
    }
}
