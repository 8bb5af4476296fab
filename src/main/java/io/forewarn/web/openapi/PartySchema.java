package io.forewarn.web.openapi;

import io.forewarn.party.Relationship;
import io.forewarn.json.Codes;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The OpenAPI schema of a party, read ({@code party.PartyReader}) and written ({@code json.PartyView})
 * in one shape: its place under the key of its kind.
 */
@Schema(name = "Party", description = "A party who may need warnings, as a scenario file's parties: list writes one. "
        + "Its place is under the key of its kind: area (registrants, public), jurisdiction (authority), place (venue).",
        oneOf = {PartySchema.Registrants.class, PartySchema.Public.class, PartySchema.Authority.class, PartySchema.Venue.class},
        discriminatorProperty = "kind",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "registrants", schema = PartySchema.Registrants.class),
                @DiscriminatorMapping(value = "public", schema = PartySchema.Public.class),
                @DiscriminatorMapping(value = "authority", schema = PartySchema.Authority.class),
                @DiscriminatorMapping(value = "venue", schema = PartySchema.Venue.class)})
public interface PartySchema {

    @Schema(name = "KnownAs", description = "who a party is: {names: [...], identifiers: [{scheme, value}]}, either optional")
    record KnownAsSchema(@Schema(description = "names and aliases, e.g. a person's name in each script it is written in")
                         List<String> names,
                         List<IdentifierSchema> identifiers) {
    }

    @Schema(name = "Identifier", description = "an identifier in the scheme that issues it")
    record IdentifierSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "passport") String scheme,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String value) {
    }

    String ID = "at most 200 characters";
    String RELATIONSHIP = "neutral when left out; never changes whether the party is affected";
    String SYNTHETIC = "invented to exercise the system (default false)";
    String KNOWN_AS = "the names, aliases and identifiers it is known by: a report whose named target is one of them "
            + "obligates it wherever it is; left out when it is known by none";
    String LANGUAGES = "the languages (BCP 47 tags with a shipped phrasebook: en, ru, fa) it reads warnings in besides "
            + "English; left out when it names none";

    @Schema(name = "RegistrantsParty", description = "People registered with the agency in an area")
    record Registrants(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ID) String id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "registrants") String kind,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "own-citizens") String audience,
                       @Schema(description = RELATIONSHIP) @Codes(Relationship.class) String relationship,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlaceSchema area,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Long count,
                       @Schema(description = SYNTHETIC) Boolean synthetic,
                       @Schema(description = LANGUAGES) List<String> languages,
                       @Schema(name = "known-as", description = KNOWN_AS) KnownAsSchema knownAs) {
    }

    @Schema(name = "PublicParty", description = "The public of an area")
    record Public(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ID) String id,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "public") String kind,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "public") String audience,
                  @Schema(description = RELATIONSHIP) @Codes(Relationship.class) String relationship,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlaceSchema area,
                  @Schema(description = SYNTHETIC) Boolean synthetic,
                  @Schema(description = LANGUAGES) List<String> languages,
                       @Schema(name = "known-as", description = KNOWN_AS) KnownAsSchema knownAs) {
    }

    @Schema(name = "AuthorityParty", description = "An authority with a jurisdiction, reached over a liaison channel")
    record Authority(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ID) String id,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "authority") String kind,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "foreign-government") String audience,
                     @Schema(description = RELATIONSHIP) @Codes(Relationship.class) String relationship,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlaceSchema jurisdiction,
                     @Schema(description = "how it is reached (default liaison)") String channel,
                     @Schema(description = SYNTHETIC) Boolean synthetic,
                  @Schema(description = LANGUAGES) List<String> languages,
                       @Schema(name = "known-as", description = KNOWN_AS) KnownAsSchema knownAs) {
    }

    @Schema(name = "VenueParty", description = "An organisation or venue at a place, of one or more kinds")
    record Venue(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ID) String id,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "venue") String kind,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "venue-operator") String audience,
                 @Schema(description = RELATIONSHIP) @Codes(Relationship.class) String relationship,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlaceSchema place,
                 @Schema(description = "e.g. concert hall; on input one kind may be a plain string") List<String> kinds,
                 @Schema(description = SYNTHETIC) Boolean synthetic,
                 @Schema(description = LANGUAGES) List<String> languages,
                       @Schema(name = "known-as", description = KNOWN_AS) KnownAsSchema knownAs) {
    }
}
