package io.forewarn.web.api;

import io.forewarn.json.TimelineEntryView;
import io.forewarn.obligation.NumberedEntry;
import io.forewarn.server.CaseDesk;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's timeline: every step of the workflow in the order it was recorded, a page at a time from the
 * first event or from where the previous page ended ({@code after}, the cursor of its {@code next} link).
 * Summaries never carry protected material.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final CaseDesk desk;

    EventController(CaseDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    Page<TimelineEntryView> list(@RequestParam(required = false) String after,
                                 @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page.requireSize(size);
        long seq = after == null ? -1 : Page.numberKey(after);
        return desk.read(casebook -> Page.of(casebook.eventsAfter(seq, size + 1), size,
                event -> Long.toString(event.seq()), (NumberedEntry event) -> TimelineEntryView.of(event.entry())));
    }
}
