package io.forewarn.party.bulk;

import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A GeoJSON feature's geometry as the area of a party's place: a {@code Point} (coordinates
 * {@code [lon, lat]}, GeoJSON's order) becomes a circle of radius 0, a {@code Polygon} with one closed
 * ring its ring without the repeated last position.
 *
 * <p>JTS's {@link GeoJsonReader} reads the geometry and refuses a ring that is not closed. It reads
 * positions leniently, though: {@code [37]} becomes (37, 0), a fourth ordinate is dropped, three
 * positions make a ring, an empty list an empty geometry, and a type it knows (a LineString, a Feature)
 * is read as well. So the shape a place can hold is checked on the JSON first, in the order a user
 * would fix it, and only a geometry of that shape is handed to JTS.
 */
final class FeatureGeometry {

    /** GeoJSON is WGS 84 longitude/latitude (RFC 7946); given a factory, JTS also ignores a {@code crs} member. */
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private FeatureGeometry() {
    }

    /** The area of a geometry, or empty when it is null or absent or wrong; what is wrong goes into wrong. */
    static Optional<Area> read(JsonNode geometry, List<String> wrong) {
        if (geometry.isMissingNode() || geometry.isNull()) {
            return Optional.empty();
        }
        if (!geometry.isObject()) {
            wrong.add("expected a GeoJSON geometry object, or null");
            return Optional.empty();
        }
        String type = geometry.path("type").isString() ? geometry.path("type").stringValue() : "";
        JsonNode coordinates = geometry.path("coordinates");
        Optional<String> problem = switch (type) {
            case "Point" -> position(coordinates);
            case "Polygon" -> rings(coordinates);
            default -> Optional.of("the geometry's type must be Point or Polygon");
        };
        if (problem.isPresent()) {
            wrong.add(problem.get());
            return Optional.empty();
        }
        Geometry read;
        try {
            read = new GeoJsonReader(WGS84).read(geometry.toString());
        } catch (ParseException e) {
            // the shape was checked above; what is left for JTS to refuse is a ring that is not closed
            wrong.add(e.getCause() instanceof IllegalArgumentException ? "a ring is closed: its last position repeats its first"
                    : "a position is [longitude, latitude] in numbers");
            return Optional.empty();
        } catch (RuntimeException e) {
            // json-simple, which JTS reads with, fails on an integer beyond 64 bits (an altitude, say)
            wrong.add("a position is [longitude, latitude] in numbers");
            return Optional.empty();
        }
        return Optional.of(area(read));
    }

    private static Area area(Geometry geometry) {
        if (geometry instanceof Point point) {
            return new Area.Circle(latLon(point.getCoordinate()), 0);
        }
        Coordinate[] ring = ((Polygon) geometry).getExteriorRing().getCoordinates();
        return new Area.Polygon(Arrays.stream(ring, 0, ring.length - 1).map(FeatureGeometry::latLon).toList());
    }

    /** JTS keeps GeoJSON's order: x is the longitude, y the latitude. */
    private static LatLon latLon(Coordinate coordinate) {
        return new LatLon(coordinate.y, coordinate.x);
    }

    private static Optional<String> rings(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            return Optional.of("a Polygon's coordinates are a list of rings");
        }
        if (rings.size() > 1) {
            return Optional.of("a polygon with holes is not supported; give only its outer ring");
        }
        JsonNode ring = rings.get(0);
        if (!ring.isArray() || ring.size() < 4) {
            return Optional.of("a ring needs at least four positions, the last repeating the first");
        }
        for (JsonNode position : ring) {
            Optional<String> problem = position(position);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A GeoJSON position: [longitude, latitude] or [longitude, latitude, altitude], numbers, on the globe. */
    private static Optional<String> position(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3
                || !position.get(0).isNumber() || !position.get(1).isNumber()
                || position.size() == 3 && !position.get(2).isNumber()) {
            return Optional.of("a position is [longitude, latitude] in numbers");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(lat >= -90 && lat <= 90)) {
            return Optional.of("latitude must be between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            return Optional.of("longitude must be between -180 and 180");
        }
        return Optional.empty();
    }
}
