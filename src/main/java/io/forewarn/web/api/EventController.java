package io.forewarn.web.api;

import io.forewarn.json.TimelineEntryView;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.server.CaseDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The case's timeline: every step of the workflow in the order it was recorded, read from a
 * position on ({@code from}, 0 being the first event ever), at most {@code size} at a time; the
 * answer's {@code next} is the position to ask for next. Summaries never carry protected material.
 */
@Tag(name = "events", description = "The timeline of the case")
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final CaseDesk desk;

    EventController(CaseDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "listEvents", summary = "The timeline from a position on",
            description = "At most size events from position from (0: the first ever); next is where to go on.")
    @GetMapping
    TimelinePage list(@RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "100") int size) {
        if (from < 0) {
            throw new IllegalArgumentException("from must be 0 or more, not " + from);
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + Page.MAX_SIZE + ", not " + size);
        }
        List<TimelineEntry> events = desk.read(casebook -> casebook.eventsFrom(from));
        List<TimelineEntry> page = events.subList(0, Math.min(size, events.size()));
        return new TimelinePage(page.stream().map(TimelineEntryView::of).toList(), from, size, from + page.size(),
                events.size() > page.size());
    }
}
