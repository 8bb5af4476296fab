package io.forewarn.gazetteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of GeoNames' "geoname" table, as in {@code cities1000.txt} and the other dump files: the 19
 * tab-separated columns, in their order. Codes GeoNames leaves empty are empty strings here.
 *
 * @param alternateNames the comma-separated alternate names, split
 * @param cc2            alternate country codes (ISO 3166 alpha-2), split at commas
 * @param elevation      metres, where GeoNames has one
 * @param dem            digital elevation model, metres (srtm3 or gtopo30)
 * @param timezone       the IANA time zone id, as GeoNames writes it (read with {@link java.time.ZoneId} where used)
 */
public record GeoName(long geonameId, String name, String asciiName, List<String> alternateNames,
                      double latitude, double longitude, String featureClass, String featureCode,
                      String countryCode, List<String> cc2, String admin1, String admin2, String admin3,
                      String admin4, long population, OptionalInt elevation, int dem, String timezone,
                      Optional<LocalDate> modified) {

    public GeoName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asciiName, "asciiName");
        alternateNames = List.copyOf(alternateNames);
        cc2 = List.copyOf(cc2);
        Objects.requireNonNull(featureClass, "featureClass");
        Objects.requireNonNull(featureCode, "featureCode");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(admin1, "admin1");
        Objects.requireNonNull(admin2, "admin2");
        Objects.requireNonNull(admin3, "admin3");
        Objects.requireNonNull(admin4, "admin4");
        Objects.requireNonNull(elevation, "elevation");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(modified, "modified");
    }

    /** The key of its first-order division in {@code admin1CodesASCII.txt}, e.g. {@code RU.47}; empty when it has none. */
    public Optional<String> admin1Key() {
        return admin1.isEmpty() ? Optional.empty() : Optional.of(countryCode + "." + admin1);
    }
}
