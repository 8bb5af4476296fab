package io.forewarn.scenario;

import io.forewarn.party.Party;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: parties, timed events and the findings the review must produce in each mode.
 * Events are kept in time order (stable for events at the same instant).
 */
public record Scenario(
        String id,
        String title,
        ZoneId timezone,
        List<String> sources,
        List<Party> parties,
        List<ScenarioEvent> events,
        Delays delays,
        Map<Mode, List<ExpectedFinding>> expectations) {

    public Scenario {
        sources = List.copyOf(sources);
        parties = List.copyOf(parties);
        events = events.stream().sorted(Comparator.comparing(ScenarioEvent::at)).toList();
        expectations = Map.copyOf(expectations);
    }
}
