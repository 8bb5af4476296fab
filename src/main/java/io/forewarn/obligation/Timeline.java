package io.forewarn.obligation;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link DutyEvents} of a casebook: each event is appended to the casebook's timeline, then every
 * listener hears it, in the order they were added.
 */
public final class Timeline implements DutyEvents {

    private final Casebook casebook;
    private final List<DutyListener> listeners;

    public Timeline(Casebook casebook) {
        this(casebook, List.of());
    }

    public Timeline(Casebook casebook, List<? extends DutyListener> listeners) {
        this.casebook = Objects.requireNonNull(casebook, "casebook");
        this.listeners = new CopyOnWriteArrayList<>(listeners);
    }

    /** Adds a listener; it hears the events published from now on (a replay's people, who need the workflow first). */
    public void listen(DutyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Appends the events in one go ({@link Casebook#appendAll}), then tells the listeners of each in order. */
    @Override
    public void publishAll(List<? extends DutyEvent> events) {
        List<Long> seqs = casebook.appendAll(events.stream().map(DutyEvent::entry).toList());
        for (int i = 0; i < events.size(); i++) {
            for (DutyListener listener : listeners) {
                listener.heard(seqs.get(i), events.get(i));
            }
        }
    }

    @Override
    public void publish(DutyEvent event) {
        long seq = casebook.append(event.entry());
        for (DutyListener listener : listeners) {
            listener.heard(seq, event);
        }
    }
}
