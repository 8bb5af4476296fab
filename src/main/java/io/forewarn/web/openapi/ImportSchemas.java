package io.forewarn.web.openapi;

import io.forewarn.party.Relationship;
import io.forewarn.json.Codes;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The OpenAPI schemas of a bulk import of parties ({@code party.bulk}): CSV or a GeoJSON FeatureCollection. */
public final class ImportSchemas {

    private ImportSchemas() {
    }

    public static final String CSV = "RFC 4180 CSV in UTF-8 under a header row naming the columns, in any order: id, kind, "
            + "audience (required), relationship, site, locality, region, country (at least one), lat, lon, radius-km, "
            + "count (registrants), kinds (venues, separated by ;), channel (authorities), languages (separated by ;), names (the names "
            + "and aliases it is known by, separated by ;), identifiers (scheme:value, separated by ;). An "
            + "empty cell is a field not "
            + "given. A row is numbered by the line it starts on.";

    @Schema(name = "PartyFeatureCollection", description = "A GeoJSON FeatureCollection in UTF-8; a feature is numbered "
            + "by its index in features, from 0")
    public record FeatureCollection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                            allowableValues = "FeatureCollection") String type,
                                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Feature> features) {
    }

    @Schema(name = "PartyFeature")
    record Feature(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "Feature") String type,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                           description = "a Point [lon, lat] (radius-km in the properties), a Polygon with one closed "
                                   + "ring and no holes, or null") Geometry geometry,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Properties properties) {
    }

    @Schema(name = "PartyGeometry")
    record Geometry(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"Point", "Polygon"}) String type,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            description = "[lon, lat] for a Point, [[[lon, lat], ...]] for a Polygon") List<Object> coordinates) {
    }

    @Schema(name = "PartyFeatureProperties", description = "The fields of a CSV row but lat and lon; any other property "
            + "is a problem of its feature")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Properties(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              allowableValues = {"registrants", "public", "authority", "venue"}) String kind,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String audience,
                      @Codes(Relationship.class) String relationship, String site, String locality, String region, String country,
                      @Schema(minimum = "0") Double radiusKm, @Schema(minimum = "0") Long count, List<String> kinds,
                      String channel, @Schema(description = "language tags, e.g. [\"ru\", \"fa\"]") List<String> languages,
                      @Schema(description = "the names and aliases it is known by") List<String> names,
                      @Schema(description = "its identifiers, each scheme:value, e.g. [\"passport:X1234567\"]")
                      List<String> identifiers) {
    }
}
