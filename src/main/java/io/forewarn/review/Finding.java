package io.forewarn.review;

import java.util.Objects;

/** One finding of a review about one party's warning for one report; the detail names no protected material. */
public record Finding(FindingCode code, String reportId, String partyId, String detail) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(detail, "detail");
    }
}
