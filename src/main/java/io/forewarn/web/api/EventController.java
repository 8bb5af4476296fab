package io.forewarn.web.api;

import io.forewarn.json.TimelineEntryView;
import io.forewarn.obligation.NumberedEntry;
import io.forewarn.server.CaseDesk;
import io.forewarn.obligation.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
/**
 * The case's timeline: every step of the workflow in the order it was recorded, a page at a time from the
 * first event or from where the previous page ended ({@code after}, the cursor of its {@code next} link).
 * Summaries never carry protected material.
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
    Page<TimelineEntryView> list(@RequestParam(required = false) String after,
                                 @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page.requireSize(size);
        long seq = after == null ? -1 : Page.numberKey(after);
        return desk.read(casebook -> Page.of(casebook.eventsAfter(seq, size + 1), size,
                event -> Long.toString(event.seq()), (NumberedEntry event) -> TimelineEntryView.of(event.entry())));
    }
}
