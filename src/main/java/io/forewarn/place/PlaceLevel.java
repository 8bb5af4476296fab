package io.forewarn.place;

import java.util.Locale;

/** The levels of the place hierarchy, most specific first: site ⊂ locality ⊂ region ⊂ country. */
public enum PlaceLevel {
    SITE, LOCALITY, REGION, COUNTRY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlaceLevel of(String key) {
        for (PlaceLevel level : values()) {
            if (level.key().equals(key)) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a place level (site, locality, region, country)");
    }
}
