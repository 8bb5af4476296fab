package io.forewarn.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/** The OpenAPI schema of {@code json.LevelsView}: one value per facet, in facet order. */
@Schema(name = "FacetValues", description = "One value per facet, in facet order: a ladder level (place: site, locality, "
        + "region, country, none; time: exact, day, week, month, none; target: named, class, category, none; method: "
        + "specific, generic, none; actor: named, type, none) or, for justifications, a justification code.")
record FacetValuesSchema(String place, String time, String target, String method, String actor) {
}
