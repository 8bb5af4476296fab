package io.forewarn.place;

import org.locationtech.jts.geom.Geometry;

import static io.forewarn.place.StatedArea.km;

/**
 * Places compared by their geometry on a {@link LocalPlane}; JTS decides. Boundaries count as part
 * of an area, so touching areas meet and an area touching the edge from inside is contained.
 */
final class GeometricOverlap {

    private GeometricOverlap() {
    }

    /** Whether the two areas share any ground. */
    static Overlap meets(StatedArea report, StatedArea other) {
        LocalPlane plane = LocalPlane.around(report.area(), other.area());
        Geometry reportShape = plane.shape(report.area());
        Geometry otherShape = plane.shape(other.area());
        boolean meets = reportShape.intersects(otherShape);
        return Overlap.byGeometry(meets, where(plane, report, other, reportShape, otherShape, meets)
                + (meets ? ", so they meet" : ", so they do not meet"));
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
            Geometry centre = plane.point(circle.centre());
            if (other.area() instanceof Area.Circle otherCircle) {
                return other.describe() + " lies " + km(centre.distance(plane.point(otherCircle.centre())))
                        + " from the centre of " + report.describe();
            }
            return other.describe() + " comes within " + km(centre.distance(otherShape))
                    + " of the centre of " + report.describe();
        }
        return meets
                ? other.describe() + " overlaps " + report.describe()
                : other.describe() + " lies " + km(reportShape.distance(otherShape)) + " outside " + report.describe();
    }
}
