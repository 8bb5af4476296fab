package io.forewarn.report;

import io.forewarn.code.Coded;

import java.util.Locale;

/** The release marking of one narrative portion. */
public enum Marking implements Coded {
    PUBLIC, PARTNER, PROTECTED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Marking of(String code) {
        return Coded.of(Marking.class, "marking", code);
    }
}
