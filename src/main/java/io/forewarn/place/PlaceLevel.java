package io.forewarn.place;

import io.forewarn.code.Coded;

import java.util.Locale;

/** The levels of the place hierarchy, most specific first: site ⊂ locality ⊂ region ⊂ country. */
public enum PlaceLevel implements Coded {
    SITE, LOCALITY, REGION, COUNTRY;

    /** The level's name as written in files ({@code site}, {@code locality}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The same as {@link #key()}. */
    @Override
    public String code() {
        return key();
    }

    public static PlaceLevel of(String key) {
        return Coded.of(PlaceLevel.class, "place level", key);
    }
}
