package io.forewarn.web;

import io.forewarn.place.PlaceReader;
import io.forewarn.report.TimeReader;
import io.forewarn.review.Incident;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an incident as a scenario file writes one under {@code incident:}, with its time and a
 * required id in the body: {@code {id, at, place, method, target?, attackers?, killed?, injured?,
 * arrested?, claimed-by?}}. An incident is recorded after it happened, so a time after now is refused.
 */
final class IncidentReader {

    private IncidentReader() {
    }

    static Incident read(YamlValue body, TimeReader times, Instant now) {
        YamlMap map = body.asMap().allowOnly("id", "at", "place", "method", "target", "attackers", "killed", "injured",
                "arrested", "claimed-by");
        String id = map.string("id");
        YamlValue atValue = map.get("at");
        Instant at = times.instant(atValue);
        if (at.isAfter(now)) {
            throw atValue.problem("an incident is recorded once it has happened; this time is still to come");
        }
        return new Incident(id, at, PlaceReader.read(map.get("place")), map.string("method"), map.optionalString("target"),
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
