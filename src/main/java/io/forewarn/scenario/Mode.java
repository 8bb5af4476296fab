package io.forewarn.scenario;

import io.forewarn.code.Coded;

/** Whether a replay follows the decisions recorded in the file or lets Forewarn's policy make them. */
public enum Mode implements Coded {
    AS_RECORDED("as-recorded"),
    AS_POLICY("as-policy");

    private final String code;

    Mode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Mode of(String code) {
        return Coded.of(Mode.class, "mode", code);
    }
}
