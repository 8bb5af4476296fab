package io.forewarn.place;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flat map in kilometres around a reference point, on which areas become JTS geometries so that
 * JTS decides intersection, containment and distance.
 *
 * <p><b>Projection.</b> Equirectangular on a sphere of the mean Earth radius: y is kilometres north
 * of the reference latitude, x kilometres east of the reference longitude scaled by the cosine of
 * the reference latitude. It is chosen because it is simple, needs no library, and is accurate where
 * Forewarn needs it, at city scale. On the sphere north–south lengths are exact; east–west lengths
 * at a north–south offset d from the reference are stretched by about tan(reference latitude) ×
 * d / 6371 km: 0.2 % at 10 km and 0.4 % at 16 km at Moscow's latitude (56°), 0.9 % at 40 km. Using a
 * sphere rather than the WGS 84 ellipsoid adds up to 0.35 %. So comparisons within a city and its
 * surroundings are good to well under 1 %, the edge of a 40 km circle to about 1 %. Farther out the
 * error grows (several per cent at 500 km); a decision there is still right unless a place lies
 * within that margin of a boundary, so country-sized polygons are coarse. The projection is unusable
 * near the poles, where the cosine vanishes. Polygon edges are straight on this map rather than great
 * circles, which only matters for very long edges.
 *
 * <p><b>Reference point.</b> {@link #around} puts it between the two areas compared, so both sit
 * near the centre of the map. Longitudes are taken relative to it and wrapped into −180…180, so
 * places on either side of the antimeridian stay neighbours.
 *
 * <p><b>Circles.</b> A circle is a buffered point (32 segments per quadrant). A buffer's vertices
 * lie on the circle and its edges cut inside it, so a point on the true edge could fall just
 * outside; instead the buffer radius is enlarged by 1 / cos(π / 128) so that its edges touch the
 * circle from outside. The polygon then covers the whole circle and reaches at most 0.03 % of the
 * radius beyond it (12 m for 40 km): the approximation never drops ground from a circle, which is
 * the safe side for a warning. Together with JTS treating boundaries as part of a geometry, a point
 * exactly on a circle's edge is inside it. A circle of radius 0 is a point.
 */
final class LocalPlane {

    /** Mean Earth radius (IUGG), kilometres. */
    static final double EARTH_RADIUS_KM = 6371.0088;
    static final double KM_PER_DEGREE = EARTH_RADIUS_KM * Math.PI / 180;

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final int QUADRANT_SEGMENTS = 32;
    private static final double CIRCUMSCRIBE = 1 / Math.cos(Math.PI / (4 * QUADRANT_SEGMENTS));
    /** A relative margin far above the rounding of the buffer's vertices, far below the circumscription's 0.03 %. */
    private static final double ROUNDING = 1e-9;

    private final double referenceLat;
    private final double referenceLon;
    private final double kmPerDegreeLon;

    private LocalPlane(double referenceLat, double referenceLon) {
        this.referenceLat = referenceLat;
        this.referenceLon = referenceLon;
        this.kmPerDegreeLon = KM_PER_DEGREE * Math.cos(Math.toRadians(referenceLat));
    }

    /** A map centred between two areas: halfway in latitude, at the first area's longitude. */
    static LocalPlane around(Area first, Area second) {
        LatLon a = anchor(first);
        LatLon b = anchor(second);
        return new LocalPlane((a.lat() + b.lat()) / 2, a.lon());
    }

    Point point(LatLon position) {
        return FACTORY.createPoint(project(position));
    }

    /**
     * Whether the {@link #shape}s of two circles meet, when the distance of their centres decides it without
     * building them: each shape covers its circle and lies within the circle enlarged by its circumscription, so
     * centres no farther apart than the two radii meet and centres farther apart than both enlarged radii do not.
     * Empty in the thin band between, where the shapes themselves decide. (A report's candidates are mostly circles,
     * and buffering each into a polygon was the largest cost of resolving them.)
     */
    Optional<Boolean> circlesMeet(Area.Circle first, Area.Circle second) {
        double apart = point(first.centre()).distance(point(second.centre()));
        double radii = first.radiusKm() + second.radiusKm();
        if (apart <= radii * (1 - ROUNDING)) {
            return Optional.of(true);
        }
        if (apart > radii * CIRCUMSCRIBE * (1 + ROUNDING) + ROUNDING) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    Geometry shape(Area area) {
        if (area instanceof Area.Circle circle) {
            Point centre = point(circle.centre());
            return circle.radiusKm() == 0 ? centre : centre.buffer(circle.radiusKm() * CIRCUMSCRIBE, QUADRANT_SEGMENTS);
        }
        return polygon(((Area.Polygon) area).ring());
    }

    private Geometry polygon(List<LatLon> ring) {
        List<Coordinate> coordinates = new ArrayList<>(ring.stream().map(this::project).toList());
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(coordinates.get(0));
        }
        Coordinate[] closed = coordinates.toArray(Coordinate[]::new);
        if (closed.length < 4) {
            // Fewer than three distinct corners: not a polygon, but still a line or point on the map.
            return FACTORY.createMultiPointFromCoords(closed).convexHull();
        }
        Geometry polygon = FACTORY.createPolygon(closed);
        // A self-intersecting ring (a bow tie drawn by hand) would make JTS predicates throw or lie;
        // GeometryFixer keeps all the area the ring encloses.
        return polygon.isValid() ? polygon : GeometryFixer.fix(polygon);
    }

    private Coordinate project(LatLon position) {
        double east = wrap(position.lon() - referenceLon);
        return new Coordinate(east * kmPerDegreeLon, (position.lat() - referenceLat) * KM_PER_DEGREE);
    }

    /** A difference of longitudes (−360…360) as the shorter way round, −180…180. */
    private static double wrap(double degrees) {
        return (degrees + 540) % 360 - 180;
    }

    /** Where an area is, for choosing the reference point: a circle's centre, a polygon's middle latitude and first longitude. */
    private static LatLon anchor(Area area) {
        if (area instanceof Area.Circle circle) {
            return circle.centre();
        }
        List<LatLon> ring = ((Area.Polygon) area).ring();
        double south = ring.stream().mapToDouble(LatLon::lat).min().orElseThrow();
        double north = ring.stream().mapToDouble(LatLon::lat).max().orElseThrow();
        return new LatLon((south + north) / 2, ring.get(0).lon());
    }
}
