package io.forewarn.obligation;

import java.util.List;

/**
 * The one way an event leaves the workflow: {@link DutyToWarn} and the {@link DeadlineSweep} publish every
 * {@link DutyEvent} here, inside the change that records it. What hears it (the casebook's timeline, the
 * ledger, the simulated people of a replay, the server's metrics) is decided where the workflow is put
 * together, never in the workflow.
 */
public interface DutyEvents {

    void publish(DutyEvent event);

    /** Publishes several events of one change, in this order, as publishing them one by one would. */
    default void publishAll(List<? extends DutyEvent> events) {
        events.forEach(this::publish);
    }
}
