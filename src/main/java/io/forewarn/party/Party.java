package io.forewarn.party;

import io.forewarn.language.Language;
import io.forewarn.place.Place;
import io.forewarn.policy.Audience;

import java.util.List;
import java.util.Objects;

/** Someone who may need a warning. */
public sealed interface Party {

    String id();

    Audience audience();

    Relationship relationship();

    /** Invented to exercise the system rather than taken from the public record. */
    boolean synthetic();

    /** The languages it reads warnings in, besides English; empty when it names none. */
    List<Language> languages();

    /** The place this party is at, covers or governs; what resolution matches a report's place against. */
    Place place();

    /** The kind as written in scenario files: registrants, venue, authority or public. */
    String kind();

    /** The names, aliases and identifiers it is known by; a report naming one of them as its target reaches it anywhere. */
    KnownAs knownAs();

    /** The same party known by {@code knownAs} instead. */
    Party knownAs(KnownAs knownAs);

    /** The key its place is written under: {@link #placeKey(String)} of its kind. */
    default String placeKey() {
        return placeKey(kind());
    }

    /**
     * The key a party's place is written under, by kind, in scenario files and the API alike: the
     * {@code area} of registrants and of the public, an authority's {@code jurisdiction}, where a venue is
     * ({@code place}).
     */
    static String placeKey(String kind) {
        return switch (kind) {
            case "authority" -> "jurisdiction";
            case "venue" -> "place";
            default -> "area";
        };
    }

    /** People registered with the agency (citizens abroad, staff) in an area. */
    record Registrants(String id, Audience audience, Relationship relationship, Place place, long count,
                       boolean synthetic,
            List<Language> languages, KnownAs knownAs) implements Party {
        public Registrants {
            requireIdentity(id, audience, relationship, place);
            languages = languagesOrNone(languages);
            knownAs = KnownAs.orNothing(knownAs);
            if (count < 0) {
                throw new IllegalArgumentException("registrant count must not be negative");
            }
        }

        /** A party known by its place alone. */
        public Registrants(String id, Audience audience, Relationship relationship, Place place, long count, boolean synthetic, List<Language> languages) {
            this(id, audience, relationship, place, count, synthetic, languages, KnownAs.NOTHING);
        }

        @Override
        public Registrants knownAs(KnownAs names) {
            return new Registrants(id, audience, relationship, place, count, synthetic, languages, names);
        }

        /** A party that names no language of its own. */
        public Registrants(String id, Audience audience, Relationship relationship, Place place, long count, boolean synthetic) {
            this(id, audience, relationship, place, count, synthetic, List.of());
        }

        @Override
        public String kind() {
            return "registrants";
        }
    }

    /** An organisation or venue at a place, of one or more kinds (e.g. "concert hall"). */
    record Venue(String id, Audience audience, Relationship relationship, Place place, List<String> kinds,
                 boolean synthetic,
            List<Language> languages, KnownAs knownAs) implements Party {
        public Venue {
            requireIdentity(id, audience, relationship, place);
            languages = languagesOrNone(languages);
            knownAs = KnownAs.orNothing(knownAs);
            kinds = List.copyOf(kinds);
        }

        /** A party known by its place alone. */
        public Venue(String id, Audience audience, Relationship relationship, Place place, List<String> kinds, boolean synthetic, List<Language> languages) {
            this(id, audience, relationship, place, kinds, synthetic, languages, KnownAs.NOTHING);
        }

        @Override
        public Venue knownAs(KnownAs names) {
            return new Venue(id, audience, relationship, place, kinds, synthetic, languages, names);
        }

        /** A party that names no language of its own. */
        public Venue(String id, Audience audience, Relationship relationship, Place place, List<String> kinds, boolean synthetic) {
            this(id, audience, relationship, place, kinds, synthetic, List.of());
        }

        @Override
        public String kind() {
            return "venue";
        }
    }

    /** An authority whose jurisdiction is {@link #place()}, reached over a liaison channel. */
    record Authority(String id, Audience audience, Relationship relationship, Place place, String channel,
                     boolean synthetic,
            List<Language> languages, KnownAs knownAs) implements Party {
        public Authority {
            requireIdentity(id, audience, relationship, place);
            languages = languagesOrNone(languages);
            knownAs = KnownAs.orNothing(knownAs);
            Objects.requireNonNull(channel, "channel");
        }

        /** A party known by its place alone. */
        public Authority(String id, Audience audience, Relationship relationship, Place place, String channel, boolean synthetic, List<Language> languages) {
            this(id, audience, relationship, place, channel, synthetic, languages, KnownAs.NOTHING);
        }

        @Override
        public Authority knownAs(KnownAs names) {
            return new Authority(id, audience, relationship, place, channel, synthetic, languages, names);
        }

        /** A party that names no language of its own. */
        public Authority(String id, Audience audience, Relationship relationship, Place place, String channel,     boolean synthetic) {
            this(id, audience, relationship, place, channel, synthetic, List.of());
        }

        @Override
        public String kind() {
            return "authority";
        }
    }

    /** The public of an area. */
    record Public(String id, Audience audience, Relationship relationship, Place place, boolean synthetic,
            List<Language> languages, KnownAs knownAs)
            implements Party {
        public Public {
            requireIdentity(id, audience, relationship, place);
            languages = languagesOrNone(languages);
            knownAs = KnownAs.orNothing(knownAs);
        }

        /** A party known by its place alone. */
        public Public(String id, Audience audience, Relationship relationship, Place place, boolean synthetic, List<Language> languages) {
            this(id, audience, relationship, place, synthetic, languages, KnownAs.NOTHING);
        }

        @Override
        public Public knownAs(KnownAs names) {
            return new Public(id, audience, relationship, place, synthetic, languages, names);
        }

        /** A party that names no language of its own. */
        public Public(String id, Audience audience, Relationship relationship, Place place, boolean synthetic) {
            this(id, audience, relationship, place, synthetic, List.of());
        }

        @Override
        public String kind() {
            return "public";
        }
    }

    /**
     * The languages as given, each once; none when absent, as in the rows stored before parties named
     * their languages.
     */
    private static List<Language> languagesOrNone(List<Language> languages) {
        return languages == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(languages));
    }

    private static void requireIdentity(String id, Audience audience, Relationship relationship, Place place) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a party needs an id");
        }
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(relationship, "relationship");
        if (place == null || place.isEmpty()) {
            throw new IllegalArgumentException("party " + id + " needs a place (site, locality, region or country)");
        }
    }
}
