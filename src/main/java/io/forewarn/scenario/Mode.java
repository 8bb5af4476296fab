package io.forewarn.scenario;

/** Whether a replay follows the decisions recorded in the file or lets Forewarn's policy make them. */
public enum Mode {
    AS_RECORDED("as-recorded"),
    AS_POLICY("as-policy");

    private final String code;

    Mode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Mode of(String code) {
        for (Mode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + code + "' (as-recorded, as-policy)");
    }
}
