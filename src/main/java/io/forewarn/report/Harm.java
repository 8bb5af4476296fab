package io.forewarn.report;

import io.forewarn.code.Coded;

/** The harm a report says a party faces. Only some harms create a duty to warn; the policy says which. */
public enum Harm implements Coded {
    KILLING("killing"),
    SERIOUS_BODILY_INJURY("serious-bodily-injury"),
    KIDNAPPING("kidnapping"),
    OTHER("other");

    private final String code;

    Harm(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Harm of(String code) {
        return Coded.of(Harm.class, "harm", code);
    }
}
