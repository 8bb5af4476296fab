package io.forewarn.place;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

/** Deciding two circles by their centres' distance says what JTS says of their shapes, most of all at the edge. */
class CirclesMeetProperties {

    @Test
    void theDistanceOfTheCentresDecidesAsTheShapesDo() {
        qt().withExamples(3_000).forAll(
                doubles().between(-60, 60).zip(doubles().between(0, 2 * Math.PI), (lat, bearing) -> new double[] {lat, bearing}),
                doubles().between(0, 5), doubles().between(0, 5), doubles().between(0.995, 1.005))
                .checkAssert((where, firstKm, secondKm, apart) -> {
                    double lat = where[0];
                    double bearing = where[1];
                    Area.Circle first = new Area.Circle(new LatLon(lat, 37.6), firstKm);
                    double km = (firstKm + secondKm) * apart;
                    Area.Circle second = new Area.Circle(new LatLon(lat + Math.cos(bearing) * km / LocalPlane.KM_PER_DEGREE,
                            37.6 + Math.sin(bearing) * km / (LocalPlane.KM_PER_DEGREE * Math.cos(Math.toRadians(lat)))), secondKm);
                    LocalPlane plane = LocalPlane.around(first, second);

                    Optional<Boolean> decided = plane.circlesMeet(first, second);

                    decided.ifPresent(meets -> assertThat(meets).as("centres %.6f km apart, radii %.6f and %.6f",
                                    plane.point(first.centre()).distance(plane.point(second.centre())), firstKm, secondKm)
                            .isEqualTo(plane.shape(first).intersects(plane.shape(second))));
                });
    }

    @Test
    void onlyTheThinBandAtTheEdgeIsLeftToTheShapes() {
        Area.Circle venue = new Area.Circle(new LatLon(55.8, 37.4), 0.3);
        Area.Circle near = new Area.Circle(new LatLon(55.804, 37.4), 0.2);     // 0.44 km apart: they meet
        Area.Circle far = new Area.Circle(new LatLon(55.81, 37.4), 0.2);       // 1.11 km apart: they do not

        assertThat(LocalPlane.around(venue, near).circlesMeet(venue, near)).contains(true);
        assertThat(LocalPlane.around(venue, far).circlesMeet(venue, far)).contains(false);
    }
}
