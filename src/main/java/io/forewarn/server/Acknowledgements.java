package io.forewarn.server;

import io.forewarn.dissemination.DeliveryRecords;
import io.forewarn.dissemination.SpentLinks;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Warning;

import java.util.Objects;
import java.util.Optional;

/**
 * A party saying its warning arrived, through the delivery that brought it: by the link in an email, or by a webhook
 * receiver calling back. Either moves the obligation to acknowledged through the workflow, so the ledger has the
 * event with who made it. A receiver may acknowledge before the outbox has heard its channel's answer (a webhook
 * receiver that calls back while it handles the delivery does); the obligation is then recorded delivered first, by
 * the same actor, since an acknowledged warning was plainly delivered.
 */
public final class Acknowledgements {

    private final CaseDesk desk;
    private final DeliveryRecords records;
    private final SpentLinks spent;

    public Acknowledgements(CaseDesk desk, DeliveryRecords records, SpentLinks spent) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.records = Objects.requireNonNull(records, "records");
        this.spent = Objects.requireNonNull(spent, "spent");
    }

    /** The delivery with that id, as the outbox recorded it. */
    public Optional<DeliveryRecords.Addressed> delivery(String deliveryId) {
        return records.find(deliveryId);
    }

    /** Whether the delivery's acknowledgement link has been used already. */
    public boolean linkUsed(String deliveryId) {
        return desk.read(casebook -> spent.isSpent(deliveryId));
    }

    /**
     * Whether the warning the delivery brought has been cancelled since: its link has nothing left to confirm, and the
     * page says the warning is withdrawn rather than asking.
     */
    public boolean warningWithdrawn(DeliveryRecords.Addressed delivery) {
        return desk.read(casebook -> withdrawn(casebook, delivery));
    }

    private static boolean withdrawn(Casebook casebook, DeliveryRecords.Addressed delivery) {
        return casebook.warning(delivery.warningId()).flatMap(Warning::cancellation).isPresent();
    }

    /** What following an acknowledgement link came to. */
    public enum LinkOutcome {
        /** The acknowledgement is recorded on the obligation. */
        RECORDED,
        /** The link was used before; nothing changed. */
        USED,
        /** The obligation was acknowledged before (through another contact point) or has moved on; nothing changed. */
        ALREADY,
        /** The warning was cancelled since it was sent: there is nothing to confirm; nothing changed. */
        WITHDRAWN,
        /** No delivery has that id; nothing changed. */
        UNKNOWN
    }

    /**
     * Acknowledges a delivery by its emailed link, once: the link is spent in the same transaction, so a link used
     * twice, or by two nodes at once, records one acknowledgement. The actor names the party and the channel
     * ({@code party:plaza via email}), since nobody logs in to follow a link.
     */
    public LinkOutcome byLink(String deliveryId) {
        Optional<DeliveryRecords.Addressed> found = records.find(deliveryId);
        if (found.isEmpty()) {
            return LinkOutcome.UNKNOWN;
        }
        DeliveryRecords.Addressed delivery = found.get();
        if (warningWithdrawn(delivery)) {
            return LinkOutcome.WITHDRAWN;
        }
        try {
            desk.change(duty -> {
                if (!spent.spend(deliveryId, desk.clock().instant())) {
                    throw new Spent();
                }
                return acknowledge(duty, delivery, actor(delivery));
            });
            return LinkOutcome.RECORDED;
        } catch (Spent used) {
            return LinkOutcome.USED;
        } catch (IllegalStateException notAcknowledgeable) {
            return LinkOutcome.ALREADY;
        }
    }

    /**
     * Acknowledges a delivery for a caller already authenticated: a webhook receiver that signed its call with the
     * endpoint's secret, or a liaison login.
     *
     * @throws IllegalStateException when the obligation cannot be acknowledged (it was already, or has moved on), or
     *                               the delivery's warning was cancelled
     */
    public Obligation byCallback(DeliveryRecords.Addressed delivery, String actor) {
        return desk.change(duty -> acknowledge(duty, delivery, actor));
    }

    /** Who acknowledged when nobody logged in: the party, over the contact point's channel. */
    public static String actor(DeliveryRecords.Addressed delivery) {
        return "party:" + delivery.partyId() + " via " + delivery.to().kind();
    }

    private static Obligation acknowledge(DutyToWarn duty, DeliveryRecords.Addressed delivery, String actor) {
        Obligation obligation = duty.casebook().obligation(delivery.obligationId())
                .orElseThrow(() -> new IllegalStateException("delivery " + delivery.deliveryId()
                        + " names obligation " + delivery.obligationId() + ", which does not exist"));
        if (withdrawn(duty.casebook(), delivery)) {
            // said so, rather than as the obligation's state graph would put it ("cannot move from expired")
            throw new IllegalStateException("warning " + delivery.warningId() + " of delivery " + delivery.deliveryId()
                    + " was cancelled: it no longer applies, and there is nothing to acknowledge");
        }
        if (obligation.state() == ObligationState.ISSUED || obligation.state() == ObligationState.RENEWED) {
            duty.deliver(obligation.id(), actor, delivery.to().kind());
        }
        return duty.acknowledge(obligation.id(), actor);
    }

    /** A link used before: thrown inside the change so that it is rolled back. */
    private static final class Spent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Spent() {
            super("acknowledgement link used before", null, false, false);
        }
    }
}
