package io.forewarn.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML map with where it is, read by key. Required accessors report a missing key at the map;
 * optional ones treat a key written with no value ({@code key:} or {@code key: ~}) as absent.
 * Keys are unique plain scalars ({@link NodeGuard} has checked), kept in file order.
 */
public final class YamlMap {

    /** One key of the map and its value, each with its own position. */
    public record Entry(YamlValue key, YamlValue value) {
        public String name() {
            return key.asString();
        }
    }

    private final YamlValue self;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    YamlMap(YamlValue self, MappingNode node) {
        this.self = self;
        for (NodeTuple tuple : node.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            String childPath = self.path().isEmpty() ? key : self.path() + "." + key;
            // a key's path is its map's: "audiences: 'Bad Name' is not an audience name"
            entries.put(key, new Entry(new YamlValue(self.file(), tuple.getKeyNode(), self.path()),
                    new YamlValue(self.file(), tuple.getValueNode(), childPath)));
        }
    }

    /** The map itself as a value, for its position and path. */
    public YamlValue value() {
        return self;
    }

    public FileProblem problem(String problem) {
        return self.problem(problem);
    }

    /** Refuses the first key (in file order) that is not allowed, at the key: a typo is never ignored. */
    public YamlMap allowOnly(String... allowed) {
        return allowOnly(List.of(allowed));
    }

    public YamlMap allowOnly(List<String> allowed) {
        for (Entry entry : entries.values()) {
            if (!allowed.contains(entry.name())) {
                throw entry.key().problem("unknown key " + Printable.quoted(entry.name())
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public int size() {
        return entries.size();
    }

    /** Whether the key is present with a value (not null). */
    public boolean has(String key) {
        Entry entry = entries.get(key);
        return entry != null && !entry.value().isNull();
    }

    /** The value of a required key; a problem at the map if it is missing. */
    public YamlValue get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw self.problem("missing required key " + Printable.quoted(key));
        }
        return entry.value();
    }

    /** The value of an optional key; empty when missing or null. */
    public Optional<YamlValue> find(String key) {
        Entry entry = entries.get(key);
        return entry == null || entry.value().isNull() ? Optional.empty() : Optional.of(entry.value());
    }

    /** The key itself (for problems about the key rather than its value). */
    public Optional<YamlValue> keyOf(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::key);
    }

    /** Of the given keys, the ones present, in file order; for "exactly one of" checks. */
    public List<Entry> present(String... keys) {
        List<String> wanted = Arrays.asList(keys);
        return entries.values().stream().filter(entry -> wanted.contains(entry.name())).toList();
    }

    public String string(String key) {
        return get(key).asText();
    }

    public Optional<String> optionalString(String key) {
        return find(key).map(YamlValue::asText);
    }

    public int integer(String key) {
        return get(key).asInt();
    }

    public long longValue(String key) {
        return get(key).asLong();
    }

    public double decimal(String key) {
        return get(key).asDouble();
    }

    public boolean bool(String key) {
        return get(key).asBoolean();
    }

    public boolean bool(String key, boolean otherwise) {
        return find(key).map(YamlValue::asBoolean).orElse(otherwise);
    }

    public Duration duration(String key) {
        return get(key).asDuration();
    }

    public Optional<Duration> optionalDuration(String key) {
        return find(key).map(YamlValue::asDuration);
    }

    public List<YamlValue> list(String key) {
        return get(key).asList();
    }

    /** An optional list; empty when missing. */
    public List<YamlValue> optionalList(String key) {
        return find(key).map(YamlValue::asList).orElse(List.of());
    }

    public List<String> stringList(String key) {
        return get(key).asStringList();
    }

    public List<String> optionalStringList(String key) {
        return find(key).map(YamlValue::asStringList).orElse(List.of());
    }

    public YamlMap map(String key) {
        return get(key).asMap();
    }

    public Optional<YamlMap> optionalMap(String key) {
        return find(key).map(YamlValue::asMap);
    }
}
