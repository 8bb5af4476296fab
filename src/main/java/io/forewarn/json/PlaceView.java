package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.forewarn.place.Area;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place in the shape it is written in: one key per level, most specific first, each a name, or a
 * name with its area ({@code {name, lat, lon, radius-km}} or {@code {name, polygon: [[lat, lon], …]}}).
 */
public record PlaceView(@JsonValue Map<String, Object> levels) {

    public static PlaceView of(Place place) {
        Map<String, Object> levels = new LinkedHashMap<>();
        place.levels().forEach((level, named) -> levels.put(level.key(),
                named.area().isEmpty() ? named.name() : NamedArea.of(named)));
        return new PlaceView(levels);
    }

    /** A name with an area: a circle, or a polygon's ring. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record NamedArea(String name, Double lat, Double lon, Double radiusKm, List<List<Double>> polygon) {

        static NamedArea of(NamedPlace named) {
            Area area = named.area().orElseThrow();
            if (area instanceof Area.Circle circle) {
                return new NamedArea(named.name(), circle.centre().lat(), circle.centre().lon(), circle.radiusKm(), null);
            }
            if (area instanceof Area.Polygon polygon) {
                return new NamedArea(named.name(), null, null, null,
                        polygon.ring().stream().map(p -> List.of(p.lat(), p.lon())).toList());
            }
            return new NamedArea(named.name(), null, null, null, null);
        }
    }
}
