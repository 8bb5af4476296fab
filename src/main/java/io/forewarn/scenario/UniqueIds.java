package io.forewarn.scenario;

import io.forewarn.yaml.YamlValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The ids of one kind of thing in a scenario (parties, reports, incidents), which must be unique. */
final class UniqueIds<T> {

    private final String kind;
    private final String plural;
    private final Map<String, T> byId = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new LinkedHashMap<>();

    UniqueIds(String kind, String plural) {
        this.kind = kind;
        this.plural = plural;
    }

    /** Registers an id, refusing it at {@code where} when it is already used. */
    void add(String id, YamlValue where, T thing) {
        if (byId.containsKey(id)) {
            throw where.problem(kind + " id '" + id + "' is already used (line " + lineOf.get(id) + ")");
        }
        byId.put(id, thing);
        lineOf.put(id, where.line());
    }

    java.util.Collection<T> values() {
        return byId.values();
    }

    Optional<T> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The thing an id names, or a problem at {@code where} that lists the known ids. */
    T require(String id, YamlValue where) {
        T thing = byId.get(id);
        if (thing == null) {
            throw where.problem("unknown " + kind + " '" + id + "'" + known());
        }
        return thing;
    }

    private String known() {
        if (byId.isEmpty()) {
            return " (there are none)";
        }
        String ids = String.join(", ", byId.keySet());
        return " (" + plural + ": " + (ids.length() > 300 ? ids.substring(0, 300) + "…" : ids) + ")";
    }
}
