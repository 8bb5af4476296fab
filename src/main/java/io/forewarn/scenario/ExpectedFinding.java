package io.forewarn.scenario;

import java.util.Comparator;

/** One finding a scenario says its review must produce: a finding code for a party. */
public record ExpectedFinding(String finding, String party) implements Comparable<ExpectedFinding> {

    private static final Comparator<ExpectedFinding> ORDER =
            Comparator.comparing(ExpectedFinding::party).thenComparing(ExpectedFinding::finding);

    @Override
    public int compareTo(ExpectedFinding other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return finding + " @ " + party;
    }
}
