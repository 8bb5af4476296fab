package io.forewarn.web.api;

import io.forewarn.json.TimelineEntryView;
import io.forewarn.server.CaseDesk;
import io.forewarn.obligation.TimelineEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case's timeline: every step of the workflow in the order it was recorded, read from a
 * position on ({@code from}, 0 being the first event ever), at most {@code size} at a time; the
 * answer's {@code next} is the position to ask for next. Summaries never carry protected material.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final CaseDesk desk;

    EventController(CaseDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "100") int size) {
        if (from < 0) {
            throw new IllegalArgumentException("from must be 0 or more, not " + from);
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + Page.MAX_SIZE + ", not " + size);
        }
        List<TimelineEntry> events = desk.read(casebook -> casebook.eventsFrom(from));
        List<TimelineEntry> page = events.subList(0, Math.min(size, events.size()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", page.stream().map(TimelineEntryView::of).toList());
        view.put("from", from);
        view.put("size", size);
        view.put("next", from + page.size());
        view.put("more", events.size() > page.size());
        return view;
    }
}
