package io.forewarn.report;

import java.util.Arrays;
import java.util.Locale;

/** The harm a report says a party faces. Only some harms create a duty to warn; the policy says which. */
public enum Harm {
    KILLING("killing"),
    SERIOUS_BODILY_INJURY("serious-bodily-injury"),
    KIDNAPPING("kidnapping"),
    OTHER("other");

    private final String code;

    Harm(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Harm of(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(harm -> harm.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown harm '" + code
                        + "' (harms: killing, serious-bodily-injury, kidnapping, other)"));
    }
}
