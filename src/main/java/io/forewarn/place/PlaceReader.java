package io.forewarn.place;

import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a place map: {@code site}, {@code locality}, {@code region}, {@code country}, each a name
 * or {@code {name, lat, lon, radius-km | radius-m}} or {@code {name, polygon: [[lat, lon], ...]}}.
 * A {@code lat}/{@code lon} (with an optional radius) written on the place map itself belongs to its
 * most specific named level, which is how a venue's coordinates read naturally:
 * {@code {site: Crocus City Hall, locality: Krasnogorsk, lat: 55.826, lon: 37.389, radius-m: 400}}.
 */
public final class PlaceReader {

    private static final List<String> GEOMETRY_KEYS = List.of("lat", "lon", "radius-km", "radius-m");

    private PlaceReader() {
    }

    public static Place read(YamlValue value) {
        List<String> allowed = new ArrayList<>();
        for (PlaceLevel level : PlaceLevel.values()) {
            allowed.add(level.key());
        }
        allowed.addAll(GEOMETRY_KEYS);
        YamlMap map = value.asMap().allowOnly(allowed);

        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        for (PlaceLevel level : PlaceLevel.values()) {
            map.find(level.key()).ifPresent(named -> levels.put(level, namedPlace(named)));
        }
        if (levels.isEmpty()) {
            throw map.problem("a place needs at least one of site, locality, region, country");
        }
        Optional<Area> area = circle(map);
        if (area.isPresent()) {
            Map.Entry<PlaceLevel, NamedPlace> finest = levels.entrySet().iterator().next();
            if (finest.getValue().area().isPresent()) {
                throw map.get("lat").problem("the geometry of " + finest.getKey().key() + " is given twice");
            }
            levels.put(finest.getKey(), new NamedPlace(finest.getValue().name(), area));
        }
        return new Place(levels);
    }

    private static NamedPlace namedPlace(YamlValue value) {
        if (value.isScalar()) {
            return NamedPlace.named(value.asText());
        }
        if (!value.isMap()) {
            throw value.expected("a place name or a map {name, lat, lon, radius-km} or {name, polygon}");
        }
        YamlMap map = value.asMap().allowOnly("name", "lat", "lon", "radius-km", "radius-m", "polygon");
        String name = map.string("name");
        Optional<YamlValue> polygon = map.find("polygon");
        if (polygon.isPresent()) {
            if (map.has("lat") || map.has("lon") || map.has("radius-km") || map.has("radius-m")) {
                throw polygon.get().problem("give either lat/lon (with a radius) or a polygon, not both");
            }
            return new NamedPlace(name, Optional.of(polygon(polygon.get())));
        }
        return new NamedPlace(name, circle(map));
    }

    /** A circle from lat, lon and radius-km or radius-m (none: a point); empty when no coordinates are given. */
    private static Optional<Area> circle(YamlMap map) {
        Optional<YamlValue> lat = map.find("lat");
        Optional<YamlValue> lon = map.find("lon");
        Optional<YamlValue> radiusKm = map.find("radius-km");
        Optional<YamlValue> radiusM = map.find("radius-m");
        if (radiusKm.isPresent() && radiusM.isPresent()) {
            throw radiusM.get().problem("give radius-km or radius-m, not both");
        }
        if (lat.isEmpty() && lon.isEmpty()) {
            radiusKm.or(() -> radiusM).ifPresent(radius -> {
                throw radius.problem("a radius needs lat and lon");
            });
            return Optional.empty();
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            throw lat.or(() -> lon).orElseThrow().problem("lat and lon go together; give both");
        }
        LatLon centre = latLon(lat.get(), lon.get());
        double km = radiusKm.map(PlaceReader::radius).orElse(0.0)
                + radiusM.map(PlaceReader::radius).map(metres -> metres / 1000).orElse(0.0);
        return Optional.of(new Area.Circle(centre, km));
    }

    private static double radius(YamlValue value) {
        double radius = value.asDouble();
        if (radius < 0) {
            throw value.problem("a radius must not be negative, not " + radius);
        }
        return radius;
    }

    private static Area polygon(YamlValue value) {
        List<YamlValue> points = value.asList();
        if (points.size() < 3) {
            throw value.problem("a polygon needs at least three [lat, lon] points, not " + points.size());
        }
        List<LatLon> ring = new ArrayList<>();
        for (YamlValue point : points) {
            List<YamlValue> pair = point.asList();
            if (pair.size() != 2) {
                throw point.problem("a polygon point is [lat, lon], not " + pair.size() + " numbers");
            }
            ring.add(latLon(pair.get(0), pair.get(1)));
        }
        return new Area.Polygon(ring);
    }

    private static LatLon latLon(YamlValue latValue, YamlValue lonValue) {
        double lat = latValue.asDouble();
        if (!(lat >= -90 && lat <= 90)) {
            throw latValue.problem("latitude must be between -90 and 90, not " + lat);
        }
        double lon = lonValue.asDouble();
        if (!(lon >= -180 && lon <= 180)) {
            throw lonValue.problem("longitude must be between -180 and 180, not " + lon);
        }
        return new LatLon(lat, lon);
    }
}
