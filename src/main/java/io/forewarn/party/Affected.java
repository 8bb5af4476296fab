package io.forewarn.party;

import java.util.List;
import java.util.Objects;

/**
 * A party a report affects, with why: one reason per rule it met, e.g. "place: names: same country
 * RU", or for a venue its place and its target. Reviews and timelines show these.
 */
public record Affected(Party party, List<String> reasons) {

    public Affected {
        Objects.requireNonNull(party, "party");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a party is affected for a reason; none given for " + party.id());
        }
    }

    /** The reasons in one line. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
