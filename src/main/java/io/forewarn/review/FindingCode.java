package io.forewarn.review;

import java.util.Arrays;
import java.util.List;

/** The findings an after-action review can make; see DESIGN.md, "Review findings", for their meaning. */
public enum FindingCode {
    AFFECTED_PARTY_NEVER_WARNED("affected-party-never-warned"),
    WARNING_EXPIRED_BEFORE_INCIDENT("warning-expired-before-incident"),
    RENEWAL_MISSED("renewal-missed"),
    BELOW_CEILING_WITHOUT_JUSTIFICATION("below-ceiling-without-justification"),
    UNEQUAL_SPECIFICITY("unequal-specificity"),
    LATE_WARNING("late-warning"),
    WAIVER_WITHOUT_ALTERNATIVE("waiver-without-alternative"),
    INCIDENT_COVERED("incident-covered");

    private final String code;

    FindingCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the finding records a failure of the duty to warn (all but {@code incident-covered}). */
    public boolean isFailure() {
        return this != INCIDENT_COVERED;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(FindingCode::code).toList();
    }

    public static FindingCode of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown finding '" + code + "' (findings: "
                        + String.join(", ", codes()) + ")"));
    }
}
