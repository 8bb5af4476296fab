package io.forewarn.obligation;

import java.util.Objects;

/** A timeline entry with the sequence number the timeline keeps it under (see {@link Casebook#append}). */
public record NumberedEntry(long seq, TimelineEntry entry) {

    public NumberedEntry {
        Objects.requireNonNull(entry, "entry");
    }
}
