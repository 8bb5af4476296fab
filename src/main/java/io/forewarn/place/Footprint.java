package io.forewarn.place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an index keeps of a party's place so that a report finds its candidates without reading every
 * party: the boxes its most specific geometry can take up, and the folded names of its path. The exact
 * decision ({@link PlaceOverlap}) is taken afterwards, on the candidates only; the index only has to miss
 * nothing that decision accepts ({@link Reach} explains why it does not).
 *
 * <p><b>Boxes.</b> A circle's box is its latitude span ({@code radius / km per degree}, a little more for
 * the polygon {@link LocalPlane} draws round it) and the same number of degrees of longitude either side;
 * how much wider a circle is in longitude depends on the latitude of the map it is drawn on, which only
 * the query knows, so {@link Reach} widens its own boxes by the most that can add. A polygon's box is the
 * smallest arc of longitude holding its corners and their latitude span. A box crossing the antimeridian
 * is kept as two; one wider than a half turn, or reaching a pole's neighbourhood, spans every longitude.
 * A polygon also gets the box of the longitudes from which it is seen cut in two: {@link LocalPlane}
 * wraps longitudes relative to the first place compared, and a polygon seen from its antipodal meridian
 * is drawn straight across the map, where it meets whatever lies at its latitudes.
 */
public record Footprint(List<Box> boxes, List<PathName> names, GazetteerPath placed) {

    /**
     * The greatest height and width in degrees of a box in each size class, smallest first; the last holds any box.
     * Both are bounded so that an index finds the boxes meeting a query near it in both directions: by a range of
     * southern edges, and among the few columns of longitude, each as wide as the class, where their western edges
     * can lie (the store's {@code PartyIndex}). Steps of about three up to a degree: a report's boxes are widened by
     * half the class's size ({@link Reach}), so a party in a class much larger than itself is a candidate of reports
     * kilometres off (a venue of 600 m radius, 0.011° tall, was one of reports 6 km east or west in a class of 0.1°).
     */
    public static final double[] SIZE_CLASSES = {0.01, 0.03, 0.1, 0.3, 1, 10, 360};

    /** The circle's box is widened by this share beyond its radius: LocalPlane's circumscribed polygon and rounding. */
    static final double CIRCLE_MARGIN = 1.001 / Math.cos(Math.PI / 128);

    public Footprint {
        boxes = List.copyOf(boxes);
        names = List.copyOf(names);
        java.util.Objects.requireNonNull(placed, "placed");
    }

    /** A footprint by geometry and names only. */
    public Footprint(List<Box> boxes, List<PathName> names) {
        this(boxes, names, GazetteerPath.NONE);
    }

    /** As {@link #of(Place)}, with where the gazetteer puts the place ({@link GazetteerPath}). */
    public static Footprint of(Place place, Gazetteer gazetteer) {
        Footprint plain = of(place);
        return new Footprint(plain.boxes(), plain.names(), GazetteerPath.ofParty(place, gazetteer));
    }

    public static Footprint of(Place place) {
        return new Footprint(boxesOf(place), names(place));
    }

    /** The boxes of the place's most specific geometry, none when it has none: a footprint without its names. */
    public static List<Box> boxesOf(Place place) {
        List<Box> boxes = new ArrayList<>();
        place.mostSpecificArea().ifPresent(area -> {
            Area shape = area.getValue();
            if (shape instanceof Area.Circle circle) {
                double half = circleHalfHeight(circle);
                boxes.addAll(boxes(circle.centre().lat() - half, circle.centre().lat() + half,
                        circle.centre().lon() - half, circle.centre().lon() + half, 2 * half));
            } else {
                List<LatLon> ring = ((Area.Polygon) shape).ring();
                double south = ring.stream().mapToDouble(LatLon::lat).min().orElseThrow();
                double north = ring.stream().mapToDouble(LatLon::lat).max().orElseThrow();
                double[] arc = arc(ring);
                double extent = Math.max(north - south, arc[1] - arc[0]);
                boxes.addAll(boxes(south, north, arc[0], arc[1], extent));
                if (arc[1] - arc[0] < 180) {
                    boxes.addAll(boxes(south, north, arc[0] - 180, arc[1] - 180, extent));
                }
            }
        });
        return boxes;
    }

    /** The folded names of the place's path, one per level it names. */
    public static List<PathName> names(Place place) {
        List<PathName> names = new ArrayList<>();
        int finer = 0;
        for (PlaceLevel level : PlaceLevel.values()) {
            NamedPlace named = place.levels().get(level);
            if (named != null) {
                names.add(new PathName(level, Names.normalise(named.name()), finer));
                finer |= PathName.bit(level);
            }
        }
        return names;
    }

    /** Half a circle's height in degrees of latitude, margin included. */
    static double circleHalfHeight(Area.Circle circle) {
        return circle.radiusKm() * CIRCLE_MARGIN / LocalPlane.KM_PER_DEGREE;
    }

    /**
     * The size class of a box whose greater side, its height or its width, is {@code extent} degrees (before any
     * clamping at a pole, or splitting at the antimeridian).
     */
    static int sizeClass(double extent) {
        for (int c = 0; c < SIZE_CLASSES.length; c++) {
            if (extent <= SIZE_CLASSES[c]) {
                return c;
            }
        }
        return SIZE_CLASSES.length - 1;
    }

    /**
     * The boxes of a latitude span and a run of longitudes that may go past ±180 (wrapped into two
     * boxes) or be wider than a turn (every longitude); latitudes are clamped to the poles. Each is of the size
     * class of {@code extent}, the greater of the span's height and width.
     */
    static List<Box> boxes(double south, double north, double west, double east, double extent) {
        int sizeClass = sizeClass(extent);
        double s = Math.max(-90, south);
        double n = Math.min(90, north);
        if (east - west >= 360) {
            return List.of(new Box(sizeClass, s, n, -180, 180));
        }
        double w = wrap(west);
        double e = w + (east - west);
        if (e <= 180) {
            return List.of(new Box(sizeClass, s, n, w, e));
        }
        return List.of(new Box(sizeClass, s, n, w, 180), new Box(sizeClass, s, n, -180, e - 360));
    }

    /** A longitude into −180…180. */
    static double wrap(double lon) {
        double wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
        return wrapped == -180 && lon > 0 ? 180 : wrapped;
    }

    /**
     * The shortest run of longitudes holding every corner, as {west, east} with east possibly past 180:
     * the turn less the widest gap between neighbouring corners. At least a half turn is returned as a
     * whole turn, since such a polygon's drawing depends on where it is seen from.
     */
    static double[] arc(List<LatLon> ring) {
        double[] lons = ring.stream().mapToDouble(LatLon::lon).map(Footprint::wrap).sorted().toArray();
        double widestGap = lons[0] + 360 - lons[lons.length - 1];
        int after = lons.length - 1;
        for (int i = 1; i < lons.length; i++) {
            double gap = lons[i] - lons[i - 1];
            if (gap > widestGap) {
                widestGap = gap;
                after = i - 1;
            }
        }
        double west = lons[(after + 1) % lons.length];
        double width = 360 - widestGap;
        if (width >= 180) {
            return new double[] {-180, 180};
        }
        return new double[] {west, west + width};
    }

    @Override
    public String toString() {
        return "Footprint" + Arrays.toString(boxes.toArray()) + names + placed;
    }
}
