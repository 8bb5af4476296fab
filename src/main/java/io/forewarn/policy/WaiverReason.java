package io.forewarn.policy;

import io.forewarn.code.Coded;

/** The allowed grounds for not warning, modelled on the waiver grounds of ICD 191. */
public enum WaiverReason implements Coded {
    VICTIM_ALREADY_AWARE("victim-already-aware"),
    VICTIM_PARTY_TO_VIOLENCE("victim-party-to-violence"),
    UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL("unduly-endangers-sources-or-personnel"),
    NO_REASONABLE_WAY_TO_WARN("no-reasonable-way-to-warn"),
    RISK_ONLY_FROM_OWN_ARMED_CONFLICT("risk-only-from-own-armed-conflict");

    private final String code;

    WaiverReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The sources-and-methods ground, which is no licence for silence: it must record an alternative. */
    public boolean protectsSourcesAndMethods() {
        return this == UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL;
    }

    public static WaiverReason of(String code) {
        return Coded.of(WaiverReason.class, "waiver reason", code);
    }
}
