package io.forewarn.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a replay's findings compare with the scenario's {@code expect:} list for its mode. The list
 * is exact: a finding expected but not produced, and a finding produced but not expected, both fail.
 * A scenario that states no expectations for a mode is not checked in that mode.
 */
public record ExpectationCheck(Optional<List<ExpectedFinding>> expected, List<ExpectedFinding> missing,
                               List<ExpectedFinding> unexpected) {

    public static ExpectationCheck of(Optional<List<ExpectedFinding>> expected, Collection<ExpectedFinding> produced) {
        if (expected.isEmpty()) {
            return new ExpectationCheck(expected, List.of(), List.of());
        }
        TreeSet<ExpectedFinding> wanted = new TreeSet<>(expected.get());
        TreeSet<ExpectedFinding> got = new TreeSet<>(produced);
        TreeSet<ExpectedFinding> missing = new TreeSet<>(wanted);
        missing.removeAll(got);
        TreeSet<ExpectedFinding> unexpected = new TreeSet<>(got);
        unexpected.removeAll(wanted);
        return new ExpectationCheck(expected, List.copyOf(missing), List.copyOf(unexpected));
    }

    public boolean checked() {
        return expected.isPresent();
    }

    public boolean met() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    /** A diff of expected against produced findings: {@code -} expected but missing, {@code +} produced but not expected. */
    public List<String> diff() {
        List<String> lines = new java.util.ArrayList<>();
        missing.forEach(f -> lines.add("- " + f.finding() + " " + f.party()));
        unexpected.forEach(f -> lines.add("+ " + f.finding() + " " + f.party()));
        return lines;
    }
}
