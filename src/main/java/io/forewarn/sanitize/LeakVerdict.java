package io.forewarn.sanitize;

import java.util.List;

/** The outcome of a leak check: the draft is clean, or blocked by the protected items that show through it. */
public sealed interface LeakVerdict permits LeakVerdict.Clean, LeakVerdict.Blocked {

    boolean isBlocked();

    /** No protected item shows through. */
    record Clean() implements LeakVerdict {
        @Override
        public boolean isBlocked() {
            return false;
        }
    }

    /**
     * At least one protected item shows through. Its {@code toString()} lists the matches in
     * their redacted form only (see {@link LeakMatch#toString()}).
     *
     * @param matches each matching item once, in report order: sources, methods, terms, portions
     */
    record Blocked(List<LeakMatch> matches) implements LeakVerdict {
        public Blocked {
            matches = List.copyOf(matches);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("a blocked verdict needs at least one match");
            }
        }

        @Override
        public boolean isBlocked() {
            return true;
        }
    }
}
