package io.forewarn.incident;

import io.forewarn.place.PlaceReader;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads what an incident was, as scenario files and the API write it: {@code place, method,
 * target?, attackers?, killed?, injured?, arrested?, claimed-by?}. Its id and time come from the
 * caller, since a scenario event and a request state them differently.
 */
public final class IncidentReader {

    /** The keys that describe the incident itself. */
    public static final List<String> FIELDS =
            List.of("place", "method", "target", "attackers", "killed", "injured", "arrested", "claimed-by");

    private IncidentReader() {
    }

    /** The incident {@code map} describes; the caller has checked the map's keys (FIELDS and its own). */
    public static Incident read(YamlMap map, String id, Instant at) {
        return new Incident(id, at, PlaceReader.read(map.get("place")), map.string("method"),
                map.optionalString("target"),
                new Incident.Casualties(figure(map, "attackers"), figure(map, "killed"), figure(map, "injured"),
                        figure(map, "arrested")),
                map.optionalString("claimed-by"));
    }

    private static OptionalInt figure(YamlMap map, String key) {
        Optional<YamlValue> value = map.find(key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        int figure = value.get().asInt();
        if (figure < 0) {
            throw value.get().problem("must not be negative, not " + figure);
        }
        return OptionalInt.of(figure);
    }
}
