package io.forewarn.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The OpenAPI schema of a place ({@code json.PlaceView}, and what {@code place.PlaceReader} reads). */
@Schema(name = "Place", description = "A place: one key per level, most specific first, at least one of site, locality, "
        + "region, country; each a name or a name with its area. On input, lat and lon (with radius-km or radius-m) "
        + "written on the place itself belong to its most specific level; a place read back carries them there.")
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
record PlaceSchema(@Schema(oneOf = {String.class, NamedArea.class}) Object site,
                   @Schema(oneOf = {String.class, NamedArea.class}) Object locality,
                   @Schema(oneOf = {String.class, NamedArea.class}) Object region,
                   @Schema(oneOf = {String.class, NamedArea.class}) Object country,
                   @Schema(description = "input only", minimum = "-90", maximum = "90") Double lat,
                   @Schema(description = "input only", minimum = "-180", maximum = "180") Double lon,
                   @Schema(description = "input only", minimum = "0") Double radiusKm,
                   @Schema(description = "input only", minimum = "0") Double radiusM) {

    /** A name with its area: a circle ({@code lat, lon, radius-km | radius-m}) or a polygon's ring of {@code [lat, lon]}. */
    @Schema(name = "NamedArea", description = "A name with its area: lat and lon with a radius (none: a point), or a "
            + "polygon of three or more [lat, lon] points; a place read back gives the radius in km.")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record NamedArea(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                     @Schema(minimum = "-90", maximum = "90") Double lat,
                     @Schema(minimum = "-180", maximum = "180") Double lon,
                     @Schema(minimum = "0") Double radiusKm,
                     @Schema(description = "input only", minimum = "0") Double radiusM,
                     @Schema(description = "three or more [lat, lon] points") List<List<Double>> polygon) {
    }
}
