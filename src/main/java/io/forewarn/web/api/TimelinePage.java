package io.forewarn.web.api;

import io.forewarn.json.TimelineEntryView;

import java.util.List;

/** Events of the timeline from position {@code from}; {@code next} is the position to ask for next, {@code more} whether there is more now. */
record TimelinePage(List<TimelineEntryView> items, int from, int size, int next, boolean more) {
}
