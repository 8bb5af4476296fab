package io.forewarn.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.forewarn.party.Party;
import io.forewarn.place.Area;
import io.forewarn.sanitize.LeakVerdict;

/**
 * How the sealed types of the domain are told apart in stored JSON: by a name written as a property,
 * never by a Java class name, so a renamed class cannot orphan stored rows. These are Jackson
 * mix-ins: the annotations apply to the domain types without the domain depending on Jackson.
 */
final class TypeNames {

    private TypeNames() {
    }

    /** {@code {"shape": "circle", ...}} or {@code {"shape": "polygon", ...}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "shape")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Area.Circle.class, name = "circle"),
            @JsonSubTypes.Type(value = Area.Polygon.class, name = "polygon")})
    interface AreaNames {
    }

    /** By kind, as scenario files write it: registrants, venue, authority or public. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Party.Registrants.class, name = "registrants"),
            @JsonSubTypes.Type(value = Party.Venue.class, name = "venue"),
            @JsonSubTypes.Type(value = Party.Authority.class, name = "authority"),
            @JsonSubTypes.Type(value = Party.Public.class, name = "public")})
    interface PartyNames {
    }

    /** {@code {"verdict": "clean"}} or {@code {"verdict": "blocked", "matches": [...]}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "verdict")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = LeakVerdict.Clean.class, name = "clean"),
            @JsonSubTypes.Type(value = LeakVerdict.Blocked.class, name = "blocked")})
    interface LeakVerdictNames {
    }
}
