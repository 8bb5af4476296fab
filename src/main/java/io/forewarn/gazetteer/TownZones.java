package io.forewarn.gazetteer;

import java.time.ZoneId;
import java.util.Set;

/** The time zones of the towns the gazetteer holds within one of its entries (a division, region or country). */
@FunctionalInterface
public interface TownZones {

    /** The zones of the towns within the entry {@code entryId} ({@code admin1:RU.47}, {@code country:TR}, ...). */
    Set<ZoneId> zonesWithin(String entryId);
}
