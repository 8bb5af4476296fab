package io.forewarn.obligation;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing, asked for by where the previous page ended (keyset paging): at most {@code size}
 * values, those that come after the value whose id is {@code after} in the listing's order, or from the
 * first when it is empty. Asking by the last value seen, not by a position, keeps the cost of a page the
 * same however deep it is, and a value put meanwhile never shifts what the next page holds.
 *
 * @param after the id of the last value of the previous page; a casebook refuses an id it does not hold
 */
public record Slice(Optional<String> after, int size) {

    public Slice {
        Objects.requireNonNull(after, "after");
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one value, not " + size);
        }
    }

    public static Slice first(int size) {
        return new Slice(Optional.empty(), size);
    }

    public static Slice after(String id, int size) {
        return new Slice(Optional.of(id), size);
    }

    /** The slice after this one, which ended with the value {@code lastId}. */
    public Slice next(String lastId) {
        return after(lastId, size);
    }

    /** The refusal of this slice when it names a value of the kind {@code what} (e.g. obligation) that is not on file. */
    public IllegalArgumentException unknown(String what) {
        return new IllegalArgumentException("the page cursor names no " + what + " on file");
    }
}
