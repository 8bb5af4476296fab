package io.forewarn.party.bulk;

import io.forewarn.party.Party;

import java.util.List;

/** One row of an import, read on its own: a party to store, or the problems that keep it out. */
public sealed interface ImportRow {

    int row();

    record Accepted(int row, Party party) implements ImportRow {
    }

    record Rejected(int row, List<RowProblem> problems) implements ImportRow {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected row needs a problem");
            }
        }
    }
}
