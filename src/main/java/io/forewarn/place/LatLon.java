package io.forewarn.place;

/** A WGS 84 coordinate in decimal degrees. */
public record LatLon(double lat, double lon) {
    public LatLon {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, not " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, not " + lon);
        }
    }
}
