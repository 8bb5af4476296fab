package io.forewarn.party;

import io.forewarn.language.Language;
import io.forewarn.language.Languages;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceReader;
import io.forewarn.policy.Audience;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one party: {@code {id, kind, audience, relationship, synthetic, languages, known-as}} and, by kind,
 * registrants {@code count, area}; public {@code area}; authority {@code jurisdiction, channel};
 * venue {@code place, kinds}. The keys allowed depend on the kind, so a venue's {@code area} or an
 * authority's {@code count} is refused instead of ignored.
 */
public final class PartyReader {

    private static final List<String> COMMON = List.of("id", "kind", "audience", "relationship", "synthetic", "languages",
            "known-as");

    private PartyReader() {
    }

    public static Party read(YamlValue value) {
        YamlMap map = value.asMap();
        YamlValue kindValue = map.get("kind");
        String kind = kindValue.asText();
        List<String> specific = switch (kind) {
            case "registrants" -> List.of("count");
            case "public" -> List.of();
            case "authority" -> List.of("channel");
            case "venue" -> List.of("kinds");
            default -> throw kindValue.problem("unknown party kind '" + kind
                    + "' (kinds: registrants, public, authority, venue)");
        };
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.add(Party.placeKey(kind));
        allowed.addAll(specific);
        map.allowOnly(allowed);

        String id = map.string("id");
        Audience audience = map.get("audience").as(Audience::new);
        Relationship relationship = map.find("relationship").map(r -> r.as(Relationship::of))
                .orElse(Relationship.NEUTRAL);
        boolean synthetic = map.bool("synthetic", false);
        try {
            return party(map, kind, id, audience, relationship, synthetic);
        } catch (IllegalArgumentException e) {
            throw value.problem("party '" + id + "' is invalid: " + e.getMessage());
        }
    }

    private static Party party(YamlMap map, String kind, String id, Audience audience, Relationship relationship,
                               boolean synthetic) {
        Place place = PlaceReader.read(map.get(Party.placeKey(kind)));
        List<Language> languages = map.optionalList("languages").stream().map(Languages::shipped).toList();
        KnownAs knownAs = map.find("known-as").map(PartyReader::knownAs).orElse(KnownAs.NOTHING);
        return party(kind, id, audience, relationship, synthetic, map, place, languages).knownAs(knownAs);
    }

    /**
     * {@code known-as: {names: [Mara Kestenholz, Мара Кестенхольц], identifiers: [{scheme: passport, value:
     * C01X00T47}]}}: the names and aliases a party is known by and its identifiers, either list optional.
     */
    public static KnownAs knownAs(YamlValue value) {
        YamlMap map = value.asMap().allowOnly("names", "identifiers");
        List<String> names = map.optionalStringList("names");
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw map.list("names").get(i).problem("a name must not be blank");
            }
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (YamlValue entry : map.optionalList("identifiers")) {
            YamlMap identifier = entry.asMap().allowOnly("scheme", "value");
            try {
                identifiers.add(new Identifier(identifier.string("scheme"), identifier.get("value").asText()));
            } catch (IllegalArgumentException e) {
                throw entry.problem(e.getMessage());
            }
        }
        return new KnownAs(names, identifiers);
    }

    private static Party party(String kind, String id, Audience audience, Relationship relationship, boolean synthetic,
                               YamlMap map, Place place, List<Language> languages) {
        return switch (kind) {
            case "registrants" -> new Party.Registrants(id, audience, relationship, place, count(map.get("count")),
                    synthetic, languages);
            case "public" -> new Party.Public(id, audience, relationship, place, synthetic, languages);
            case "authority" -> new Party.Authority(id, audience, relationship, place,
                    map.optionalString("channel").orElse("liaison"), synthetic, languages);
            default -> new Party.Venue(id, audience, relationship, place, kinds(map), synthetic, languages);
        };
    }

    private static long count(YamlValue value) {
        long count = value.asLong();
        if (count < 0) {
            throw value.problem("must not be negative, not " + count);
        }
        return count;
    }

    /** {@code kinds: [concert hall, exhibition centre]}, or one kind as a plain string. */
    private static List<String> kinds(YamlMap map) {
        return map.find("kinds")
                .map(kinds -> kinds.isScalar() ? List.of(kinds.asText()) : kinds.asStringList())
                .orElse(List.of());
    }
}
