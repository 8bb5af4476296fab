package io.forewarn.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/** The class of a party, such as {@code public} or {@code foreign-government}; ceilings are set per audience. */
public record Audience(String name) implements Comparable<Audience> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Audience {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an audience name (lower-case words joined by '-')");
        }
    }

    @Override
    public int compareTo(Audience other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
