package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.language.Language;
import io.forewarn.party.KnownAs;
import io.forewarn.party.Party;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A party in the shape it is written in, so what is read back can be written again: its place under
 * the key of its kind ({@link Party#placeKey()}: the {@code area} of registrants and of the public, an
 * authority's {@code jurisdiction}, a venue's {@code place}); registrants carry their {@code count}, a
 * venue its {@code kinds}, an authority its {@code channel}. The keys of other kinds are left out, and so
 * are {@code languages} when the party names none and {@code known-as} when it is known by no name.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PartyView(String id, String kind, String audience, String relationship,
                        @JsonInclude(JsonInclude.Include.NON_NULL) PlaceView area,
                        @JsonInclude(JsonInclude.Include.NON_NULL) PlaceView jurisdiction,
                        @JsonInclude(JsonInclude.Include.NON_NULL) PlaceView place,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> kinds,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
                        boolean synthetic,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> languages,
                        @JsonInclude(JsonInclude.Include.NON_NULL) KnownAsView knownAs) {

    /** Who the party is: {@code {names, identifiers: [{scheme, value}]}}, as a scenario file's {@code known-as}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record KnownAsView(List<String> names, List<IdentifierView> identifiers) {

        static KnownAsView of(KnownAs knownAs) {
            return knownAs.isEmpty() ? null : new KnownAsView(knownAs.names(), knownAs.identifiers().stream()
                    .map(identifier -> new IdentifierView(identifier.scheme(), identifier.value())).toList());
        }
    }

    public record IdentifierView(String scheme, String value) {
    }

    public static PartyView of(Party party) {
        PlaceView place = PlaceView.of(party.place());
        String key = party.placeKey();
        Long count = party instanceof Party.Registrants registrants ? registrants.count() : null;
        List<String> kinds = party instanceof Party.Venue venue ? venue.kinds() : null;
        String channel = party instanceof Party.Authority authority ? authority.channel() : null;
        return new PartyView(party.id(), party.kind(), party.audience().name(), party.relationship().code(),
                key.equals("area") ? place : null, key.equals("jurisdiction") ? place : null,
                key.equals("place") ? place : null, count, kinds, channel, party.synthetic(),
                party.languages().stream().map(Language::tag).toList(), KnownAsView.of(party.knownAs()));
    }
}
