package io.forewarn.scenario;

import io.forewarn.party.ContactPoint;
import io.forewarn.party.Party;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: parties, timed events and the findings the review must produce in each mode.
 * Events are kept in time order (stable for events at the same instant).
 *
 * @param contacts the contact points of the parties that have any, by party id: where an {@code as-policy} replay's
 *                 outbox sends their warnings (a recorded history has none: its deliveries are on the record)
 */
public record Scenario(
        String id,
        String title,
        ZoneId timezone,
        List<String> sources,
        List<Party> parties,
        List<ScenarioEvent> events,
        Delays delays,
        Map<Mode, List<ExpectedFinding>> expectations,
        Map<String, List<ContactPoint>> contacts) {

    public Scenario {
        sources = List.copyOf(sources);
        parties = List.copyOf(parties);
        events = events.stream().sorted(Comparator.comparing(ScenarioEvent::at)).toList();
        expectations = Map.copyOf(expectations);
        contacts = Map.copyOf(contacts);
    }

    /** A scenario whose parties have no contact points. */
    public Scenario(String id, String title, ZoneId timezone, List<String> sources, List<Party> parties,
                    List<ScenarioEvent> events, Delays delays, Map<Mode, List<ExpectedFinding>> expectations) {
        this(id, title, timezone, sources, parties, events, delays, expectations, Map.of());
    }
}
