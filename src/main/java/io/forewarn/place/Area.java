package io.forewarn.place;

import java.util.List;

/** The geometry a place may carry: a point with a radius, or a polygon. */
public sealed interface Area {

    record Circle(LatLon centre, double radiusKm) implements Area {
        public Circle {
            if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
                throw new IllegalArgumentException("radius must be a non-negative number of kilometres, not " + radiusKm);
            }
        }
    }

    record Polygon(List<LatLon> ring) implements Area {
        public Polygon {
            ring = List.copyOf(ring);
            if (ring.size() < 3) {
                throw new IllegalArgumentException("a polygon needs at least three points, not " + ring.size());
            }
        }
    }
}
