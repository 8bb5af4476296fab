package io.forewarn.gazetteer;

import java.util.Objects;

/**
 * One row of GeoNames' {@code admin1CodesASCII.txt}: a first-order administrative division (a state, province,
 * oblast), keyed by country and admin1 code, e.g. {@code RU.47  Moscow Oblast  Moscow Oblast  524925}.
 */
public record Admin1Division(String key, String name, String asciiName, long geonameId) {

    public Admin1Division {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asciiName, "asciiName");
        if (key.indexOf('.') != 2) {
            throw new IllegalArgumentException("an admin1 key is CC.CODE, e.g. RU.47, not '" + key + "'");
        }
    }

    /** The ISO 3166 alpha-2 country code of the key. */
    public String countryCode() {
        return key.substring(0, 2);
    }
}
