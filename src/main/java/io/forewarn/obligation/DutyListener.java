package io.forewarn.obligation;

/**
 * Hears every event {@link Timeline} records, on the thread and inside the change that recorded it, right
 * after it is on the timeline: a listener that writes (the ledger) writes in the same transaction, and
 * a failure rolls the change back. A listener that must only hear committed changes (metrics) is wrapped
 * by the server so that it hears them after the commit.
 */
@FunctionalInterface
public interface DutyListener {

    /**
     * @param seq the event's sequence number on the timeline (see {@link Casebook#append})
     */
    void heard(long seq, DutyEvent event);
}
