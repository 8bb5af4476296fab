package io.forewarn.scenario;

import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Obligations;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.policy.Role;
import io.forewarn.policy.Audience;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The people of an {@code as-policy} replay: an analyst who drafts, an approver who approves and
 * issues, and liaison officers who deliver and record acknowledgements, each acting a simulated
 * delay after the event that calls for them, so deadlines and renewals are exercised, not assumed.
 * A step the workflow refuses is recorded on the timeline, never dropped.
 */
final class Autopilot {

    static final String ANALYST = "analyst";
    static final String APPROVER = "approver";
    static final String LIAISON = "liaison";

    private record Step(Instant at, long order, String description, Runnable action) {
    }

    private final DutyToWarn duty;
    private final Delays delays;
    private final PriorityQueue<Step> steps =
            new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private final Set<String> drafting = new HashSet<>();
    private int seen;
    private long order;

    Autopilot(DutyToWarn duty, Delays delays) {
        this.duty = duty;
        this.delays = delays;
    }

    Optional<Instant> nextAt() {
        return Optional.ofNullable(steps.peek()).map(Step::at);
    }

    /** Runs every step due at or before {@code now}, including steps those steps call for at once. */
    void runDue(Instant now) {
        observe(now);
        while (!steps.isEmpty() && !steps.peek().at().isAfter(now)) {
            Step step = steps.poll();
            try {
                step.action().run();
            } catch (IllegalStateException | IllegalArgumentException refused) {
                duty.note("autopilot: " + step.description() + " was refused: " + refused.getMessage(), "autopilot");
            }
            observe(now);
        }
    }

    /** Reads the events recorded since the last look and schedules the human steps they call for. */
    void observe(Instant now) {
        for (DutyEvent event : duty.casebook().eventsFrom(seen)) {
            seen++;
            react(event, now);
        }
    }

    private void react(DutyEvent event, Instant now) {
        switch (event.type()) {
            case "obligation-opened" -> {
                Obligation obligation = duty.casebook().obligation(event.subject()).orElseThrow();
                String key = obligation.reportId() + "|" + obligation.audience();
                if (drafting.add(key)) {
                    Audience audience = obligation.audience();
                    schedule(now.plus(delays.drafting()), "drafting for " + audience,
                            () -> duty.draft(obligation.reportId(), audience, ANALYST));
                }
            }
            case "warning-drafted", "renewal-drafted" -> schedule(now.plus(delays.approval()),
                    "approval of " + event.subject(), () -> duty.approve(event.subject(), APPROVER, Role.APPROVER));
            case "draft-approved" -> schedule(now, "issue of " + event.subject(),
                    () -> duty.issue(event.subject(), APPROVER));
            case "warning-issued", "warning-renewed" -> {
                Warning warning = duty.casebook().warning(event.subject()).orElseThrow();
                for (String partyId : warning.partyIds()) {
                    String obligationId = Obligations.idFor(warning.reportId(), partyId);
                    Party party = duty.casebook().party(partyId).orElseThrow();
                    schedule(now.plus(delays.delivery()), "delivery to " + partyId,
                            () -> duty.deliver(obligationId, LIAISON, channel(party)));
                }
            }
            case "warning-delivered" -> schedule(now.plus(delays.acknowledgement()),
                    "acknowledgement of " + event.subject(), () -> duty.acknowledge(event.subject(), LIAISON));
            case "renewal-due" -> schedule(now.plus(delays.drafting()), "renewal of " + event.subject(),
                    () -> duty.draftRenewal(event.subject(), ANALYST));
            default -> {
            }
        }
    }

    private void schedule(Instant at, String description, Runnable action) {
        steps.add(new Step(at, order++, description, action));
    }

    private static String channel(Party party) {
        if (party instanceof Party.Authority authority) {
            return authority.channel();
        }
        return switch (party.kind()) {
            case "registrants" -> "registrant alert";
            case "public" -> "public alert";
            default -> "venue contact";
        };
    }
}
