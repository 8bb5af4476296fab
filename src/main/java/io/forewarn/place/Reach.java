package io.forewarn.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a report's place can reach, as an index asks it: the boxes a party's {@link Footprint} box must meet
 * (one set per size class), and the names of its path a party's names must equal. Every party that
 * {@link PlaceOverlap} finds meeting the place, or (an authority) containing it, is reached; some that are
 * reached are not affected, and the exact check that follows drops them.
 *
 * <p><b>Why nothing is missed.</b> Geometry decides only when both places carry it, and {@link LocalPlane}
 * draws both on one map. On that map north–south distances are exact, so areas that meet share latitudes.
 * East–west, both are scaled by the cosine of the map's reference latitude, which lies halfway between the
 * two places: at most as far from the equator as the report's latitudes widened by half the party's
 * height, which its size class bounds. A circle is widened by that cosine, so the query's boxes are, for
 * each size class, widened by the most that cosine can add to the report's circle and to any party's of
 * that class. Names decide at the finest level both places name: a party is reached by a name when it
 * names that level the same and names none of the finer levels the report names ({@link PathName#finer}).
 * Containment of a report's place in an authority's jurisdiction is decided the same ways, at the
 * jurisdiction's finest level, so it is reached too.
 */
public record Reach(List<Box> boxes, List<NameKey> names, GazetteerPath placed) {

    /** A name at one level, and the finer levels a party naming it may also name ({@link PathName#finer} values). */
    public record NameKey(PlaceLevel level, String name, Set<Integer> finer) {
        public NameKey {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(name, "name");
            finer = Set.copyOf(finer);
        }

        boolean matches(PathName path) {
            return path.level() == level && path.name().equals(name) && finer.contains(path.finer());
        }
    }

    public Reach {
        boxes = List.copyOf(boxes);
        names = List.copyOf(names);
        Objects.requireNonNull(placed, "placed");
    }

    /** A reach by geometry and names only. */
    public Reach(List<Box> boxes, List<NameKey> names) {
        this(boxes, names, GazetteerPath.NONE);
    }

    public static Reach of(Place place) {
        return new Reach(boxes(place), names(place));
    }

    /**
     * As {@link #of(Place)}, and also every party the gazetteer places within the place's entry, or whose entry
     * contains it ({@link GazetteerPath#mayMeet}): what {@link PlaceOverlap}'s comparisons through the gazetteer
     * may find meeting it.
     */
    public static Reach of(Place place, Gazetteer gazetteer) {
        return new Reach(boxes(place), names(place), GazetteerPath.ofReport(place, gazetteer));
    }

    /** Whether a party with this footprint is a candidate: what an index answers, for a casebook kept in memory. */
    public boolean reaches(Footprint footprint) {
        for (Box query : boxes) {
            for (Box box : footprint.boxes()) {
                if (box.sizeClass() == query.sizeClass() && box.meets(query)) {
                    return true;
                }
            }
        }
        for (NameKey key : names) {
            for (PathName name : footprint.names()) {
                if (key.matches(name)) {
                    return true;
                }
            }
        }
        return placed.mayMeet(footprint.placed());
    }

    private static List<Box> boxes(Place place) {
        List<Box> boxes = new ArrayList<>();
        if (place.mostSpecificArea().isEmpty()) {
            return boxes;
        }
        Area area = place.mostSpecificArea().get().getValue();
        double south;
        double north;
        double west;
        double east;
        double circleHalf = 0;
        if (area instanceof Area.Circle circle) {
            circleHalf = Footprint.circleHalfHeight(circle);
            south = circle.centre().lat() - circleHalf;
            north = circle.centre().lat() + circleHalf;
            west = circle.centre().lon();
            east = circle.centre().lon();
        } else {
            List<LatLon> ring = ((Area.Polygon) area).ring();
            south = ring.stream().mapToDouble(LatLon::lat).min().orElseThrow();
            north = ring.stream().mapToDouble(LatLon::lat).max().orElseThrow();
            double[] arc = Footprint.arc(ring);
            west = arc[0];
            east = arc[1];
        }
        for (int sizeClass = 0; sizeClass < Footprint.SIZE_CLASSES.length; sizeClass++) {
            double partyHeight = Footprint.SIZE_CLASSES[sizeClass];
            double farthest = Math.min(90, Math.max(Math.abs(south - partyHeight / 2), Math.abs(north + partyHeight / 2)));
            double cos = Math.cos(Math.toRadians(farthest));
            double widen = cos < 1e-9 ? 360 : (circleHalf + partyHeight / 2) / cos;
            for (Box box : Footprint.boxes(south, north, west - widen, east + widen, 0)) {
                boxes.add(new Box(sizeClass, box.south(), box.north(), box.west(), box.east()));
            }
        }
        return boxes;
    }

    private static List<NameKey> names(Place place) {
        List<NameKey> keys = new ArrayList<>();
        int named = 0;
        for (PathName name : Footprint.names(place)) {
            named |= PathName.bit(name.level());
        }
        for (PathName name : Footprint.names(place)) {
            int finerLevels = PathName.bit(name.level()) - 1;
            Set<Integer> allowed = new TreeSet<>();
            for (int mask = 0; mask <= finerLevels; mask++) {
                if ((mask & ~finerLevels) == 0 && (mask & named) == 0) {
                    allowed.add(mask);
                }
            }
            keys.add(new NameKey(name.level(), name.name(), allowed));
        }
        return keys;
    }
}
