package io.forewarn.scenario;

import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyListener;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Obligations;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.policy.Role;
import io.forewarn.policy.Audience;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>With a {@link ReplayDispatcher}, a warning to a party that has a contact point one of its channels carries goes
 * out as a server sends it: through the outbox, a delivery delay after its issue. A party the outbox cannot reach
 * (no contact point, or a liaison officer's) is delivered to by a liaison officer by hand, as without one.
 */
final class Autopilot implements DutyListener {

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
    private final Clock clock;
    private final Optional<ReplayDispatcher> dispatcher;
    private long order;

    /**
     * The people acting in {@code duty}; they hear of its events once the replay adds them to its timeline, after the
     * outbox's listener, so a warning's deliveries are queued when they hear of its issue.
     */
    Autopilot(DutyToWarn duty, Delays delays, Clock clock, Optional<ReplayDispatcher> dispatcher) {
        this.duty = duty;
        this.delays = delays;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    Optional<Instant> nextAt() {
        return Optional.ofNullable(steps.peek()).map(Step::at);
    }

    /** Runs every step due at or before {@code now}, including steps those steps call for at once. */
    void runDue(Instant now) {
        while (!steps.isEmpty() && !steps.peek().at().isAfter(now)) {
            Step step = steps.poll();
            try {
                step.action().run();
            } catch (IllegalStateException | IllegalArgumentException refused) {
                duty.note("autopilot: " + step.description() + " was refused: " + refused.getMessage(), "autopilot");
            }
        }
    }

    /** Schedules the human steps an event calls for, each its delay after the moment it was heard. */
    @Override
    public void heard(long seq, DutyEvent event) {
        Instant now = clock.instant();
        List<Step> called = switch (event.type()) {
            case OBLIGATION_OPENED -> draft(((DutyEvent.ObligationOpened) event).obligation(), now);
            case WARNING_DRAFTED, RENEWAL_DRAFTED -> List.of(step(now.plus(delays.approval()),
                    "approval of " + event.subject(), () -> duty.approve(event.subject(), APPROVER, Role.APPROVER)));
            case DRAFT_APPROVED -> List.of(step(now, "issue of " + event.subject(),
                    () -> duty.issue(event.subject(), APPROVER)));
            case WARNING_ISSUED -> deliver(((DutyEvent.WarningIssued) event).warning(), now);
            case WARNING_RENEWED -> deliver(((DutyEvent.WarningRenewed) event).warning(), now);
            case WARNING_DELIVERED -> List.of(step(now.plus(delays.acknowledgement()),
                    "acknowledgement of " + event.subject(), () -> duty.acknowledge(event.subject(), LIAISON)));
            case RENEWAL_DUE -> List.of(step(now.plus(delays.drafting()), "renewal of " + event.subject(),
                    () -> duty.draftRenewal(event.subject(), ANALYST)));
            case REPORT_RECEIVED, REPORT_TRIAGED, REPORT_OUT_OF_SCOPE, NO_PARTY_AFFECTED, REPORT_REVISED, PARTY_REGISTERED,
                    PARTY_UPDATED, PARTY_REMOVED, OBLIGATION_OVERDUE,
                    OBLIGATION_ESCALATED, OBLIGATION_CLOSED, DEADLINE_BROUGHT_FORWARD, APPROVAL_REFUSED, DRAFT_CANCELLED, DRAFT_EDITED, RECORDED_WARNING_LEAKED,
                    WARNING_TO_UNAFFECTED_PARTY, WARNING_CANCELLED, WARNING_ACKNOWLEDGED, WITHDRAWAL_DELIVERED, DELIVERY_DEAD_LETTERED, CONTACT_POINT_DISABLED, WARNING_EXPIRED, WAIVER_REQUESTED,
                    WAIVER_APPROVED, WAIVER_REJECTED, NEAR_MATCH_OFFERED, NEAR_MATCH_CONFIRMED, NEAR_MATCH_REJECTED,
                    INCIDENT_RECORDED, POLICY_ADOPTED, NOTE -> List.of();
        };
        steps.addAll(called);
    }

    /** One draft per report and audience: the first obligation of an audience calls for it, the others join it. */
    private List<Step> draft(Obligation obligation, Instant now) {
        if (!drafting.add(obligation.reportId() + "|" + obligation.audience())) {
            return List.of();
        }
        Audience audience = obligation.audience();
        return List.of(step(now.plus(delays.drafting()), "drafting for " + audience,
                () -> duty.draft(obligation.reportId(), audience, ANALYST)));
    }

    private List<Step> deliver(Warning warning, Instant now) {
        List<Step> deliveries = new ArrayList<>();
        boolean sent = false;
        for (String partyId : warning.partyIds()) {
            String obligationId = Obligations.idFor(warning.reportId(), partyId);
            if (dispatcher.isPresent() && dispatcher.get().sends(warning, obligationId)) {
                sent = true;
                continue;
            }
            Party party = duty.casebook().party(partyId).orElseThrow();
            deliveries.add(step(now.plus(delays.delivery()), "delivery to " + partyId,
                    () -> duty.deliver(obligationId, LIAISON, channel(party))));
        }
        if (sent) {
            Instant at = now.plus(delays.delivery());
            deliveries.add(step(at, "sending of " + warning.id(), () -> dispatcher.get().round(at)));
        }
        return deliveries;
    }

    private Step step(Instant at, String description, Runnable action) {
        return new Step(at, order++, description, action);
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
