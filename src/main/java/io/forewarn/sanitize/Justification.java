package io.forewarn.sanitize;

import io.forewarn.code.Coded;

/**
 * Why a facet is stated less specifically than the effective ceiling allows. Oversight sees every
 * such gap; one without a justification blocks approval.
 */
public enum Justification implements Coded {
    /** The sanitizer stepped down because the more specific statement would reveal protected material. */
    LEAK_CHECK("leak-check"),
    /**
     * The report states nothing at the allowed level, only something coarser (a place given as a
     * site and a country, say, for an audience allowed the locality).
     */
    NOT_STATED("not-stated"),
    /** An analyst judged that the detail would expose sources or methods. */
    SOURCES_AND_METHODS("sources-and-methods"),
    /** The detail is not confirmed well enough to release. */
    DETAIL_UNCONFIRMED("detail-unconfirmed"),
    /** An approved waiver allows this party a less specific warning. */
    WAIVER("waiver");

    private final String code;

    Justification(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Justification of(String code) {
        return Coded.of(Justification.class, "justification", code);
    }
}
