package io.forewarn.scenario;

import io.forewarn.party.ContactPoint;
import io.forewarn.party.Party;
import io.forewarn.party.PartyReader;
import io.forewarn.report.TimeReader;
import io.forewarn.yaml.FileProblem;
import io.forewarn.yaml.SafeYaml;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a scenario file (see DESIGN.md, "Scenario file") into a {@link Scenario}, refusing anything
 * it cannot replay exactly with a {@link FileProblem} naming file, line, column and field: unknown
 * keys, unknown or duplicate ids, bad level names, impossible times and places.
 *
 * <p>Top-level keys: {@code scenario} (id), {@code title}, {@code timezone} (every time without an
 * offset is local to it), {@code sources}, {@code delays} (optional), {@code parties},
 * {@code events}, {@code expect} (optional).
 *
 * <p>A party may carry {@code contacts} in the shape the API and the import take ({@link PartyReader#readContacted}):
 * where an {@code as-policy} replay's outbox sends its warnings.
 *
 * <p>A recorded warning without {@code valid-for} is valid for the rest of the threat window of the
 * report it answers (the report it names, or else the latest received by then).
 */
public final class ScenarioFile {

    private static final List<String> KEYS =
            List.of("scenario", "title", "timezone", "sources", "delays", "parties", "events", "expect");

    private ScenarioFile() {
    }

    public static Scenario load(Path file) {
        return read(SafeYaml.load(file));
    }

    public static Scenario parse(String sourceName, String content) {
        return read(SafeYaml.parse(sourceName, content));
    }

    private static Scenario read(YamlValue root) {
        YamlMap map = root.asMap().allowOnly(KEYS);
        String id = map.string("scenario");
        String title = map.string("title");
        ZoneId zone = map.get("timezone").as(ScenarioFile::zone);
        List<String> sources = map.optionalStringList("sources");
        Delays delays = map.optionalMap("delays").map(ScenarioFile::delays).orElse(Delays.DEFAULT);
        Map<String, List<ContactPoint>> contacts = new LinkedHashMap<>();
        UniqueIds<Party> parties = parties(map.get("parties"), contacts);
        List<ScenarioEvent> events = new EventReader(new TimeReader(zone), parties).readAll(map.get("events"));
        Map<Mode, List<ExpectedFinding>> expectations =
                map.find("expect").map(expect -> ExpectationReader.read(expect, parties)).orElse(Map.of());
        return new Scenario(id, title, zone, sources, List.copyOf(parties.values()), events, delays, expectations,
                contacts);
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone (e.g. Europe/Moscow, UTC, +03:00)");
        }
    }

    private static UniqueIds<Party> parties(YamlValue value, Map<String, List<ContactPoint>> contacts) {
        List<YamlValue> items = value.asList();
        if (items.isEmpty()) {
            throw value.problem("a scenario needs at least one party");
        }
        UniqueIds<Party> parties = new UniqueIds<>("party", "parties");
        for (YamlValue item : items) {
            PartyReader.Contacted read = PartyReader.readContacted(item);
            Party party = read.party();
            parties.add(party.id(), item.asMap().get("id"), party);
            if (!read.contacts().isEmpty()) {
                contacts.put(party.id(), read.contacts());
            }
        }
        return parties;
    }

    /** Each delay is optional and defaults to {@link Delays#DEFAULT}'s. */
    private static Delays delays(YamlMap map) {
        map.allowOnly("drafting", "approval", "delivery", "acknowledgement");
        Delays defaults = Delays.DEFAULT;
        return new Delays(
                map.optionalDuration("drafting").orElse(defaults.drafting()),
                map.optionalDuration("approval").orElse(defaults.approval()),
                map.optionalDuration("delivery").orElse(defaults.delivery()),
                map.optionalDuration("acknowledgement").orElse(defaults.acknowledgement()));
    }
}
