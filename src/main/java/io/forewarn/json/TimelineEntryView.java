package io.forewarn.json;

import io.forewarn.obligation.TimelineEntry;

/** One event of the timeline: when, what, about what, by whom; a summary never carries protected material. */
public record TimelineEntryView(String at, String type, String subject, String actor, String summary) {

    public static TimelineEntryView of(TimelineEntry event) {
        return new TimelineEntryView(event.at().toString(), event.type(), event.subject(), event.actor(), event.summary());
    }
}
