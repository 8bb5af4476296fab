package io.forewarn.place;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** The geometry of a place as stated at one level, with the level's name, e.g. Moscow (locality, radius 40 km). */
record StatedArea(PlaceLevel level, String name, Area area) {

    // A DecimalFormat is not safe to share between threads, and making one (with its symbols) cost more than the
    // geometry of a report's candidates (issue 10's profile): one of each per thread.
    private static final ThreadLocal<DecimalFormat> KM = ThreadLocal.withInitial(() ->
            new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    private static final ThreadLocal<DecimalFormat> RADIUS = ThreadLocal.withInitial(() ->
            new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** The geometry at the place's most specific level, if that level has one. */
    static Optional<StatedArea> atMostSpecificLevel(Place place) {
        return place.mostSpecificLevel().flatMap(level -> at(place, level));
    }

    /** The most specific geometry the place carries, at whatever level. */
    static Optional<StatedArea> mostSpecific(Place place) {
        return place.mostSpecificArea().flatMap(entry -> at(place, entry.getKey()));
    }

    private static Optional<StatedArea> at(Place place, PlaceLevel level) {
        return place.at(level).flatMap(named -> named.area().map(area -> new StatedArea(level, named.name(), area)));
    }

    /** For reasons: "Moscow (locality, radius 40 km)", "Crocus City Hall (site, point)", "RU (country, polygon)". */
    String describe() {
        String shape;
        if (area instanceof Area.Circle circle) {
            shape = circle.radiusKm() == 0 ? "point" : "radius " + radius(circle.radiusKm()) + " km";
        } else {
            shape = "polygon";
        }
        return name + " (" + level.key() + ", " + shape + ")";
    }

    /** Distances in reasons: one decimal, e.g. "16.2 km". */
    static String km(double kilometres) {
        return KM.get().format(kilometres) + " km";
    }

    private static String radius(double kilometres) {
        return RADIUS.get().format(kilometres);
    }
}
