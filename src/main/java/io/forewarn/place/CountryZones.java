package io.forewarn.place;

import com.ibm.icu.util.TimeZone;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The zone of a place from what every place states: its country, given as an ISO 3166 code. A country
 * with one zone (Türkiye, Iran, France) has it; a country with several (Russia,
 * the United States, Kazakhstan) gives no answer, since the name alone cannot choose, and the caller
 * falls back to the zone the report's times were written in. The zones of a country are the IANA
 * database's, as ICU4J ships it (its canonical zones located in the country).
 */
public final class CountryZones implements PlaceZones {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public Optional<ZoneId> zoneOf(Place place) {
        return place.at(PlaceLevel.COUNTRY)
                .map(country -> country.name().strip().toUpperCase(Locale.ROOT))
                .filter(COUNTRIES::contains)
                .flatMap(CountryZones::onlyZone);
    }

    private static Optional<ZoneId> onlyZone(String country) {
        Set<String> zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country, null);
        if (zones.size() != 1) {
            return Optional.empty();
        }
        String id = zones.iterator().next();
        return ZoneId.getAvailableZoneIds().contains(id) ? Optional.of(ZoneId.of(id)) : Optional.empty();
    }
}
