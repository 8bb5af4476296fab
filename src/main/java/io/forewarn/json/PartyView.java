package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.party.Party;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A party in the shape it is written in: registrants carry their {@code count}, a venue its
 * {@code kinds}, an authority its {@code channel}; the keys of other kinds are left out.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PartyView(String id, String kind, String audience, String relationship, PlaceView place,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> kinds,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
                        boolean synthetic) {

    public static PartyView of(Party party) {
        Long count = party instanceof Party.Registrants registrants ? registrants.count() : null;
        List<String> kinds = party instanceof Party.Venue venue ? venue.kinds() : null;
        String channel = party instanceof Party.Authority authority ? authority.channel() : null;
        return new PartyView(party.id(), party.kind(), party.audience().name(), party.relationship().code(),
                PlaceView.of(party.place()), count, kinds, channel, party.synthetic());
    }
}
