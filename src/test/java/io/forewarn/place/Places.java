package io.forewarn.place;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fixture: places written the way scenario files state them, and the places of the Crocus
 * City Hall case (DESIGN.md), e.g. {@code place().site("Crocus City Hall", circle(55.826, 37.389, 0.4))
 * .locality("Krasnogorsk").build()}.
 */
public final class Places {

    /** The report's "in Moscow", loosely: a 40 km circle around the city centre. */
    public static final Place MOSCOW_LOOSELY = place()
            .locality("Moscow", circle(55.756, 37.617, 40)).region("Moscow Oblast").country("RU").build();

    /** The venue, just outside the Moscow city limits (coordinates approximate). */
    public static final Place CROCUS_CITY_HALL = place()
            .site("Crocus City Hall", circle(55.826, 37.389, 0.4)).locality("Krasnogorsk")
            .region("Moscow Oblast").country("RU").build();

    private Places() {
    }

    public static Builder place() {
        return new Builder();
    }

    public static Area.Circle circle(double lat, double lon, double radiusKm) {
        return new Area.Circle(new LatLon(lat, lon), radiusKm);
    }

    /** A polygon from latitude, longitude pairs. */
    public static Area.Polygon polygon(double... latLon) {
        if (latLon.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of latitude and longitude expected");
        }
        List<LatLon> ring = new ArrayList<>();
        for (int i = 0; i < latLon.length; i += 2) {
            ring.add(new LatLon(latLon[i], latLon[i + 1]));
        }
        return new Area.Polygon(ring);
    }

    public static final class Builder {
        private final Map<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);

        public Builder site(String name) {
            return at(PlaceLevel.SITE, name, null);
        }

        public Builder site(String name, Area area) {
            return at(PlaceLevel.SITE, name, area);
        }

        public Builder locality(String name) {
            return at(PlaceLevel.LOCALITY, name, null);
        }

        public Builder locality(String name, Area area) {
            return at(PlaceLevel.LOCALITY, name, area);
        }

        public Builder region(String name) {
            return at(PlaceLevel.REGION, name, null);
        }

        public Builder region(String name, Area area) {
            return at(PlaceLevel.REGION, name, area);
        }

        public Builder country(String name) {
            return at(PlaceLevel.COUNTRY, name, null);
        }

        public Builder country(String name, Area area) {
            return at(PlaceLevel.COUNTRY, name, area);
        }

        public Place build() {
            return Place.of(levels);
        }

        private Builder at(PlaceLevel level, String name, Area area) {
            levels.put(level, new NamedPlace(name, Optional.ofNullable(area)));
            return this;
        }
    }
}
