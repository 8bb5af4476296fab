package io.forewarn.scenario;

import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.review.Finding;
import io.forewarn.review.Review;

import java.util.List;
import java.util.TreeSet;

/**
 * What one replay of a scenario produced: its timeline, the casebook, the reviews and how they meet the expectations.
 *
 * @param deliveries what its outbox queued and sent, with each attempt's receipt (an {@code as-policy} replay sending
 *                   through channels, {@link Replay#sendingThrough}); empty otherwise
 */
public record ReplayResult(Scenario scenario, Mode mode, int policyVersion, Casebook casebook, List<Review> reviews,
                           ExpectationCheck expectations, List<OutboxEntry> deliveries) {

    public ReplayResult {
        reviews = List.copyOf(reviews);
        deliveries = List.copyOf(deliveries);
    }

    public List<TimelineEntry> timeline() {
        return casebook.events();
    }

    public List<Finding> findings() {
        return reviews.stream().flatMap(review -> review.findings().stream()).toList();
    }

    /** The findings as (finding, party) pairs, the form scenario files state expectations in. */
    public TreeSet<ExpectedFinding> produced() {
        TreeSet<ExpectedFinding> produced = new TreeSet<>();
        findings().forEach(f -> produced.add(new ExpectedFinding(f.code().code(), f.partyId())));
        return produced;
    }
}
