package io.forewarn.party;

import io.forewarn.place.Place;
import io.forewarn.policy.Audience;

import java.util.List;

/** Test fixture: parties of each kind, as the Crocus City Hall scenario declares them. */
public final class Parties {

    private Parties() {
    }

    public static Party registrants(String id, Place area) {
        return new Party.Registrants(id, new Audience("own-citizens"), Relationship.ALLY, area, 5000, true);
    }

    public static Party publicOf(String id, Place area) {
        return new Party.Public(id, new Audience("public"), Relationship.NEUTRAL, area, false);
    }

    public static Party authority(String id, Place jurisdiction) {
        return authority(id, jurisdiction, Relationship.ADVERSARIAL);
    }

    public static Party authority(String id, Place jurisdiction, Relationship relationship) {
        return new Party.Authority(id, new Audience("foreign-government"), relationship, jurisdiction, "liaison", false);
    }

    public static Party venue(String id, Place place, String... kinds) {
        return new Party.Venue(id, new Audience("venue-operator"), Relationship.NEUTRAL, place, List.of(kinds), false);
    }

    /** The same party with another relationship; nothing else differs. */
    public static Party withRelationship(Party party, Relationship relationship) {
        if (party instanceof Party.Registrants p) {
            return new Party.Registrants(p.id(), p.audience(), relationship, p.place(), p.count(), p.synthetic());
        }
        if (party instanceof Party.Public p) {
            return new Party.Public(p.id(), p.audience(), relationship, p.place(), p.synthetic());
        }
        if (party instanceof Party.Authority p) {
            return new Party.Authority(p.id(), p.audience(), relationship, p.place(), p.channel(), p.synthetic());
        }
        Party.Venue p = (Party.Venue) party;
        return new Party.Venue(p.id(), p.audience(), relationship, p.place(), p.kinds(), p.synthetic());
    }
}
