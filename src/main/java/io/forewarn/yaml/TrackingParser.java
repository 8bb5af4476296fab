package io.forewarn.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that counts the values it hands to the composer and stops at a limit, because a few
 * megabytes of {@code [a,a,a,...]} compose into millions of nodes and exhaust the heap long before
 * anything could check the finished tree. It also remembers the start of the last event, so that
 * limits which throw without a position (aliases, nesting, this one) are reported where they were hit.
 */
final class TrackingParser implements Parser {

    /** Thrown when the document holds more values than allowed; SafeYaml turns it into a FileProblem. */
    static final class TooManyValues extends YAMLException {
        private static final long serialVersionUID = 1L;

        TooManyValues(long limit) {
            super("more than " + limit + " values");
        }
    }

    private final Parser delegate;
    private final long maxValues;
    private long values;
    private Mark lastMark;

    TrackingParser(Parser delegate, long maxValues) {
        this.delegate = delegate;
        this.maxValues = maxValues;
    }

    Mark lastMark() {
        return lastMark;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return remember(delegate.peekEvent());
    }

    @Override
    public Event getEvent() {
        Event event = remember(delegate.getEvent());
        if (event instanceof NodeEvent && ++values > maxValues) {
            throw new TooManyValues(maxValues);
        }
        return event;
    }

    private Event remember(Event event) {
        if (event != null && event.getStartMark() != null) {
            lastMark = event.getStartMark();
        }
        return event;
    }
}
