package io.forewarn.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * A named region made of whole first-order divisions, such as Turkey's Marmara Region: a geographical region
 * is no administrative unit, so GeoNames' admin1 file does not have it, and its region features (class L,
 * code RGN) carry a point only, from which nothing can be said to lie within it. Forewarn's own
 * {@code regions.txt} lists such regions by the divisions they consist of; see the gazetteer's NOTICE.
 */
public record Region(String countryCode, String name, List<String> admin1Keys, String source) {

    public Region {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(name, "name");
        admin1Keys = List.copyOf(admin1Keys);
        Objects.requireNonNull(source, "source");
    }
}
