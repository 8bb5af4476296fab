package io.forewarn.party;

import java.util.Objects;

/**
 * An identifier a party is known by, in a scheme that issues it: a passport number ({@code passport}), a company
 * registry number ({@code company-registry}), a Legal Entity Identifier ({@code lei}). The scheme is the
 * register's own word, kept as written; a report naming the value reaches the party whatever the scheme.
 */
public record Identifier(String scheme, String value) {

    public Identifier {
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("an identifier needs a scheme (e.g. passport, lei)");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an identifier of scheme " + scheme + " needs a value");
        }
        scheme = scheme.strip();
        value = value.strip();
    }

    /** As it is written in a bulk import's {@code identifiers} column and in reasons: {@code scheme:value}. */
    @Override
    public String toString() {
        return scheme + ":" + value;
    }

    /** {@code passport:X1234567}: the scheme before the first colon. */
    public static Identifier parse(String written) {
        Objects.requireNonNull(written, "identifier");
        int colon = written.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("an identifier is written scheme:value (e.g. passport:X1234567)");
        }
        return new Identifier(written.substring(0, colon), written.substring(colon + 1));
    }
}
