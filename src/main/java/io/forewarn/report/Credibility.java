package io.forewarn.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Admiralty (NATO) grading: source reliability A (completely reliable) to F (cannot be judged) and
 * information credibility 1 (confirmed) to 6 (cannot be judged).
 */
public record Credibility(char reliability, int credibility) {

    private static final Pattern CODE = Pattern.compile("[A-F][1-6]");

    public Credibility {
        if (reliability < 'A' || reliability > 'F') {
            throw new IllegalArgumentException("source reliability must be A to F, not '" + reliability + "'");
        }
        if (credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("information credibility must be 1 to 6, not " + credibility);
        }
    }

    /** Parses an Admiralty code such as {@code B2}. */
    public static Credibility of(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an Admiralty code (A-F then 1-6, e.g. B2)");
        }
        return new Credibility(normalized.charAt(0), normalized.charAt(1) - '0');
    }

    /** Whether this grading is at least as good as {@code minimum} on both scales. */
    public boolean meets(Credibility minimum) {
        return reliability <= minimum.reliability && credibility <= minimum.credibility;
    }

    public String code() {
        return "" + reliability + credibility;
    }

    @Override
    public String toString() {
        return code();
    }
}
