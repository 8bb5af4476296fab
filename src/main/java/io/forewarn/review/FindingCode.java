package io.forewarn.review;

import io.forewarn.code.Coded;

/** The findings an after-action review can make; see DESIGN.md, "Review findings", for their meaning. */
public enum FindingCode implements Coded {
    AFFECTED_PARTY_NEVER_WARNED("affected-party-never-warned"),
    WARNING_EXPIRED_BEFORE_INCIDENT("warning-expired-before-incident"),
    RENEWAL_MISSED("renewal-missed"),
    BELOW_CEILING_WITHOUT_JUSTIFICATION("below-ceiling-without-justification"),
    UNEQUAL_SPECIFICITY("unequal-specificity"),
    LATE_WARNING("late-warning"),
    WAIVER_WITHOUT_ALTERNATIVE("waiver-without-alternative"),
    WAIVER_IMPROPER("waiver-improper"),
    WARNING_NOT_DELIVERED("warning-not-delivered"),
    EXPIRED_UNWARNED("expired-unwarned"),
    INCIDENT_COVERED("incident-covered"),
    COVERAGE_UNKNOWN("coverage-unknown");

    private final String code;

    FindingCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether the finding records a failure of the duty to warn (all but {@code incident-covered}). */
    public boolean isFailure() {
        return this != INCIDENT_COVERED;
    }

    public static FindingCode of(String code) {
        return Coded.of(FindingCode.class, "finding", code);
    }
}
