package io.forewarn.party;

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

    /** The place this party is at, covers or governs; what resolution matches a report's place against. */
    Place place();

    /** The kind as written in scenario files: registrants, venue, authority or public. */
    String kind();

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
                       boolean synthetic) implements Party {
        public Registrants {
            requireIdentity(id, audience, relationship, place);
            if (count < 0) {
                throw new IllegalArgumentException("registrant count must not be negative");
            }
        }

        @Override
        public String kind() {
            return "registrants";
        }
    }

    /** An organisation or venue at a place, of one or more kinds (e.g. "concert hall"). */
    record Venue(String id, Audience audience, Relationship relationship, Place place, List<String> kinds,
                 boolean synthetic) implements Party {
        public Venue {
            requireIdentity(id, audience, relationship, place);
            kinds = List.copyOf(kinds);
        }

        @Override
        public String kind() {
            return "venue";
        }
    }

    /** An authority whose jurisdiction is {@link #place()}, reached over a liaison channel. */
    record Authority(String id, Audience audience, Relationship relationship, Place place, String channel,
                     boolean synthetic) implements Party {
        public Authority {
            requireIdentity(id, audience, relationship, place);
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public String kind() {
            return "authority";
        }
    }

    /** The public of an area. */
    record Public(String id, Audience audience, Relationship relationship, Place place, boolean synthetic)
            implements Party {
        public Public {
            requireIdentity(id, audience, relationship, place);
        }

        @Override
        public String kind() {
            return "public";
        }
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
