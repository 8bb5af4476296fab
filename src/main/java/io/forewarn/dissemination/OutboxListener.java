package io.forewarn.dissemination;

import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyListener;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactBook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fills the outbox from the events of the workflow, inside the change that publishes them, so a warning is
 * issued together with its deliveries or not at all:
 *
 * <ul>
 *   <li>a warning issued or renewed enqueues one delivery per contact point in use of each party whose
 *       obligation it moved (an alert, or an update for a renewal: {@link Delivery.Kind#of});</li>
 *   <li>a warning cancelled enqueues one cancellation per contact point a machine sent it to, or still may (its
 *       delivery sent, queued or in flight; not one dead-lettered), and per liaison contact point that carried it
 *       (recorded as carried): the officer who told the party tells it the warning is withdrawn. Its liaison deliveries
 *       not yet recorded as carried are withdrawn: there is nothing left for the officer to carry;</li>
 *   <li>a warning that ended (its validity ran out, {@code warning-expired}) withdraws its liaison deliveries not yet
 *       recorded as carried, likewise;</li>
 *   <li>a delivery recorded by a person (liaison's {@code POST …/delivery}) completes that obligation's queued
 *       liaison alerts and updates, and a withdrawal recorded ({@code POST …/withdrawal}) its queued liaison
 *       cancellations: no machine sends either.</li>
 * </ul>
 */
public final class OutboxListener implements DutyListener {

    /** The channel no machine sends: a liaison officer carries the warning and records it. */
    public static final String LIAISON = "liaison";
    /** What a liaison delivery of a warning cancelled before it was carried comes to. */
    private static final String WITHDRAWN = "not carried: its warning was cancelled before liaison recorded carrying it";
    /** What a liaison delivery of a warning that ended before it was carried comes to. */
    private static final String ENDED = "not carried: its warning ended before liaison recorded carrying it";
    /** How many of a warning's deliveries a cancellation reads at once. */
    private static final int PAGE = 500;

    private final Outbox outbox;
    private final ContactBook contacts;
    private final Supplier<String> ids;
    private final Function<String, Optional<Warning>> warnings;

    /**
     * @param ids      makes each delivery's id, stable for its life: what receivers de-duplicate by
     * @param warnings a warning by its id, read in the change's transaction: the one a renewal renews
     */
    public OutboxListener(Outbox outbox, ContactBook contacts, Supplier<String> ids,
                          Function<String, Optional<Warning>> warnings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public void heard(long seq, DutyEvent event) {
        switch (event.type()) {
            case WARNING_ISSUED -> enqueue(((DutyEvent.WarningIssued) event).warning(),
                    ((DutyEvent.WarningIssued) event).obligations(), event);
            case WARNING_RENEWED -> enqueue(((DutyEvent.WarningRenewed) event).warning(),
                    ((DutyEvent.WarningRenewed) event).obligations(), event);
            case WARNING_CANCELLED -> cancel(((DutyEvent.WarningCancelled) event).warning(), event);
            case WARNING_DELIVERED -> {
                DutyEvent.WarningDelivered delivered = (DutyEvent.WarningDelivered) event;
                if (!DutyToWarn.SCHEDULER.equals(event.actor())) {
                    outbox.markSent(delivered.obligation().id(), LIAISON, Delivery.Kind.WARNINGS, event.at(),
                            "recorded by " + event.actor() + " (over " + delivered.channel() + ")");
                }
            }
            // the warning ran out uncarried: nothing in force is left for the officer to carry
            case WARNING_EXPIRED -> outbox.markWithdrawn(((DutyEvent.WarningExpired) event).warning().id(), LIAISON,
                    event.at(), ENDED);
            case WITHDRAWAL_DELIVERED -> {
                DutyEvent.WithdrawalDelivered delivered = (DutyEvent.WithdrawalDelivered) event;
                outbox.markSent(delivered.obligation().id(), LIAISON, EnumSet.of(Delivery.Kind.CANCEL), event.at(),
                        "recorded by " + event.actor() + " (over " + delivered.channel() + ")");
            }
            default -> {
            }
        }
    }

    private void cancel(Warning warning, DutyEvent event) {
        List<OutboxEntry> cancels = new ArrayList<>();
        Slice slice = Slice.first(PAGE);
        while (true) {
            List<OutboxEntry> page = outbox.ofWarning(warning.id(), Optional.empty(), slice);
            for (OutboxEntry sent : page) {
                boolean reached = LIAISON.equals(sent.channel()) ? sent.state() == DeliveryState.SENT
                        : sent.state() != DeliveryState.DEAD_LETTERED;
                if (sent.kind() != Delivery.Kind.CANCEL && reached) {
                    cancels.add(OutboxEntry.queued(ids.get(), Delivery.Kind.CANCEL, warning.id(), sent.obligationId(),
                            sent.partyId(), sent.to(), warning.issuedAt(), event.at()));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            slice = slice.next(page.get(page.size() - 1).id());
        }
        // no machine ever takes a liaison delivery: left queued, it would wait for a carrier for good. Withdrawn before
        // the cancellations are enqueued, which liaison is still to carry
        outbox.markWithdrawn(warning.id(), LIAISON, event.at(), WITHDRAWN);
        if (!cancels.isEmpty()) {
            outbox.enqueue(cancels);
        }
    }

    private void enqueue(Warning warning, List<Obligation> moved, DutyEvent event) {
        if (moved.isEmpty()) {
            return;
        }
        Delivery.Kind kind = Delivery.Kind.of(warning.renews().flatMap(warnings));
        Map<String, List<ContactBook.Listed>> byParty = contacts.of(moved.stream().map(Obligation::partyId).toList());
        List<OutboxEntry> entries = new ArrayList<>();
        for (Obligation obligation : moved) {
            for (ContactBook.Listed contact : byParty.getOrDefault(obligation.partyId(), List.of())) {
                if (contact.inUse()) {
                    entries.add(OutboxEntry.queued(ids.get(), kind, warning.id(), obligation.id(), obligation.partyId(),
                            contact.point(), warning.issuedAt(), event.at()));
                }
            }
        }
        if (!entries.isEmpty()) {
            outbox.enqueue(entries);
        }
    }
}
