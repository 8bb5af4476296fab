package io.forewarn.place;

import org.locationtech.jts.geom.Geometry;

import java.util.Optional;

import static io.forewarn.place.StatedArea.km;

/**
 * Places compared by their geometry on a {@link LocalPlane}; JTS decides (two circles that meet by their centres'
 * distance, {@link LocalPlane#circlesMeet}, when that decides as JTS would). Boundaries count as part
 * of an area, so touching areas meet and an area touching the edge from inside is contained.
 */
final class GeometricOverlap {

    private GeometricOverlap() {
    }

    /** Whether the two areas share any ground. */
    static Overlap meets(StatedArea report, StatedArea other) {
        LocalPlane plane = LocalPlane.around(report.area(), other.area());
        if (report.area() instanceof Area.Circle circle && other.area() instanceof Area.Circle otherCircle) {
            Optional<Boolean> decided = plane.circlesMeet(circle, otherCircle);
            if (decided.isPresent()) {
                return byGeometry(decided.get(), centres(plane, report, other, circle, otherCircle));
            }
        }
        Geometry reportShape = plane.shape(report.area());
        Geometry otherShape = plane.shape(other.area());
        boolean meets = reportShape.intersects(otherShape);
        return byGeometry(meets, where(plane, report, other, reportShape, otherShape, meets));
    }

    private static Overlap byGeometry(boolean meets, String where) {
        return Overlap.byGeometry(meets, where + (meets ? ", so they meet" : ", so they do not meet"));
    }

    /** How far {@code other}'s centre lies from the centre of the report's circle. */
    private static String centres(LocalPlane plane, StatedArea report, StatedArea other, Area.Circle circle, Area.Circle otherCircle) {
        return other.describe() + " lies " + km(plane.point(circle.centre()).distance(plane.point(otherCircle.centre())))
                + " from the centre of " + report.describe();
    }

    /** Whether all of {@code inner} lies within {@code outer}. */
    static Overlap contains(StatedArea outer, StatedArea inner) {
        LocalPlane plane = LocalPlane.around(outer.area(), inner.area());
        Geometry outerShape = plane.shape(outer.area());
        Geometry innerShape = plane.shape(inner.area());
        if (outerShape.covers(innerShape)) {
            return Overlap.byGeometry(true, inner.describe() + " lies within " + outer.describe());
        }
        if (outerShape.intersects(innerShape)) {
            return Overlap.byGeometry(false, inner.describe() + " extends beyond " + outer.describe());
        }
        return Overlap.byGeometry(false, inner.describe() + " lies " + km(outerShape.distance(innerShape))
                + " outside " + outer.describe());
    }

    /**
     * Where {@code other} is relative to the report's area, in the terms a reader checks first:
     * distance from the centre when the report states a circle, the gap or overlap otherwise.
     */
    private static String where(LocalPlane plane, StatedArea report, StatedArea other,
                                Geometry reportShape, Geometry otherShape, boolean meets) {
        if (report.area() instanceof Area.Circle circle) {
            if (other.area() instanceof Area.Circle otherCircle) {
                return centres(plane, report, other, circle, otherCircle);
            }
            Geometry centre = plane.point(circle.centre());
            return other.describe() + " comes within " + km(centre.distance(otherShape))
                    + " of the centre of " + report.describe();
        }
        return meets
                ? other.describe() + " overlaps " + report.describe()
                : other.describe() + " lies " + km(reportShape.distance(otherShape)) + " outside " + report.describe();
    }
}
