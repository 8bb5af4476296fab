package io.forewarn.party;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who a party is, as opposed to where: the names and aliases it is known by (a person's name and its other
 * spellings, an organisation's trading names, a venue's names) and its identifiers. A report whose target names
 * one of them obligates the party wherever it is registered ({@link NamedTarget}).
 */
public record KnownAs(List<String> names, List<Identifier> identifiers) {

    /** Known by nothing but its place: every party stored before parties carried names. */
    public static final KnownAs NOTHING = new KnownAs(List.of(), List.of());

    public KnownAs {
        names = names == null ? List.of() : List.copyOf(new LinkedHashSet<>(names.stream().map(String::strip).toList()));
        identifiers = identifiers == null ? List.of() : List.copyOf(new LinkedHashSet<>(identifiers));
        for (String name : names) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a name a party is known by must not be blank");
            }
        }
    }

    /** The value for a component read back from a body stored before it existed (null): known by nothing. */
    static KnownAs orNothing(KnownAs knownAs) {
        return knownAs == null ? NOTHING : knownAs;
    }

    public boolean isEmpty() {
        return names.isEmpty() && identifiers.isEmpty();
    }
}
