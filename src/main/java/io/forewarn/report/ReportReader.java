package io.forewarn.report;

import io.forewarn.place.PlaceReader;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a report, as scenario files and the API write it, into a {@link ThreatReport} received at a given time. Target, method
 * and actor are maps from ladder level to text ({@code actor: {named: ..., type: ...}}); the
 * report's own validation runs last and its refusals are reported at the report, naming the field.
 */
public final class ReportReader {

    private static final List<String> KEYS = List.of("id", "synthetic", "credibility", "harm", "actor", "target",
            "method", "place", "time", "portions", "protected");

    private ReportReader() {
    }

    public static ThreatReport read(YamlValue value, Instant receivedAt, TimeReader times) {
        YamlMap map = value.asMap().allowOnly(KEYS);
        String id = map.string("id");
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(Facet.class);
        for (Facet facet : ThreatReport.TEXT_FACETS) {
            map.find(facet.key()).ifPresent(statement -> statements.put(facet, statement(facet, statement)));
        }
        try {
            return new ThreatReport(
                    id,
                    receivedAt,
                    map.get("harm").as(Harm::of),
                    map.get("credibility").as(Credibility::of),
                    PlaceReader.read(map.get("place")),
                    times.window(map.get("time")),
                    statements,
                    map.optionalList("portions").stream().map(ReportReader::portion).toList(),
                    map.find("protected").map(ReportReader::protectedMaterial).orElse(ProtectedMaterial.NONE),
                    map.bool("synthetic", false));
        } catch (InvalidReportException e) {
            throw value.problem("report '" + id + "' is invalid: " + e.getMessage());
        }
    }

    private static Map<Level, String> statement(Facet facet, YamlValue value) {
        Map<Level, String> byLevel = new LinkedHashMap<>();
        for (YamlMap.Entry entry : value.asMap().entries()) {
            Level level = entry.key().as(facet::level);
            if (level.isNone()) {
                throw entry.key().problem("'none' states nothing; leave it out");
            }
            if (byLevel.containsKey(level)) {
                throw entry.key().problem("level '" + level.name() + "' is listed twice");
            }
            byLevel.put(level, entry.value().asText());
        }
        return byLevel;
    }

    private static Portion portion(YamlValue value) {
        YamlMap map = value.asMap().allowOnly("marking", "text");
        return new Portion(map.get("marking").as(Marking::of), map.string("text"));
    }

    private static ProtectedMaterial protectedMaterial(YamlValue value) {
        YamlMap map = value.asMap().allowOnly("sources", "methods", "terms");
        return new ProtectedMaterial(map.optionalStringList("sources"), map.optionalStringList("methods"),
                map.optionalStringList("terms"));
    }
}
