package io.forewarn.place;

import org.junit.jupiter.api.Test;

import static io.forewarn.place.Places.circle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class LocalPlaneTest {

    @Test
    void distancesAtCityScaleAgreeWithTheGreatCircleDistance() {
        LatLon moscow = new LatLon(55.756, 37.617);
        LatLon crocus = new LatLon(55.826, 37.389);

        double planar = distance(moscow, crocus);

        assertThat(planar).isCloseTo(haversine(moscow, crocus), withinPercentage(0.1));
        assertThat(planar).isCloseTo(16.2, within(0.05));
    }

    @Test
    void placesEitherSideOfTheAntimeridianStayNeighbours() {
        LatLon west = new LatLon(-17.8, 179.95);
        LatLon east = new LatLon(-17.8, -179.95);

        assertThat(distance(west, east)).isCloseTo(haversine(west, east), withinPercentage(0.1)).isLessThan(11);
    }

    @Test
    void aCircleOfRadiusZeroIsAPoint() {
        Area.Circle point = circle(55.756, 37.617, 0);

        assertThat(LocalPlane.around(point, point).shape(point).getGeometryType()).isEqualTo("Point");
    }

    @Test
    void aCircleCoversTheTrueCircleAndHardlyMore() {
        Area.Circle circle = circle(55.756, 37.617, 40);

        double area = LocalPlane.around(circle, circle).shape(circle).getArea();

        assertThat(area).isGreaterThan(Math.PI * 40 * 40).isCloseTo(Math.PI * 40 * 40, withinPercentage(0.05));
    }

    private static double distance(LatLon a, LatLon b) {
        LocalPlane plane = LocalPlane.around(new Area.Circle(a, 0), new Area.Circle(b, 0));
        return plane.point(a).distance(plane.point(b));
    }

    private static double haversine(LatLon a, LatLon b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * LocalPlane.EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
