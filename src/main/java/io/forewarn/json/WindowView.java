package io.forewarn.json;

import io.forewarn.report.TimeWindow;

import java.util.Optional;

/** A time window as {@code {from, to}}: a report's threat window, the window a warning or draft states. */
public record WindowView(String from, String to) {

    public static WindowView of(TimeWindow window) {
        return new WindowView(window.from().toString(), window.to().toString());
    }

    /** The window, or null when none is stated. */
    static WindowView ofStated(Optional<TimeWindow> window) {
        return window.map(WindowView::of).orElse(null);
    }
}
