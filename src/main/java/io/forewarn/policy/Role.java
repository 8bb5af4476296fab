package io.forewarn.policy;

import io.forewarn.code.Coded;

import java.util.Locale;

/** The roles of the design. Protected material is visible to analyst, approver and director only. */
public enum Role implements Coded {
    ANALYST, APPROVER, DIRECTOR, LIAISON, OVERSIGHT, PARTNER;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Approves warnings and decides waivers (which waivers, the policy says). */
    public boolean mayApprove() {
        return this == APPROVER || this == DIRECTOR;
    }

    /** Asks for waivers: the people who handle reports and warnings, not oversight or partners. */
    public boolean mayRequestWaivers() {
        return this == ANALYST || this == APPROVER || this == DIRECTOR || this == LIAISON;
    }

    public boolean mayReadProtectedMaterial() {
        return this == ANALYST || this == APPROVER || this == DIRECTOR;
    }

    public static Role of(String code) {
        return Coded.of(Role.class, "role", code);
    }
}
