package io.forewarn.party.bulk;

import io.forewarn.party.ContactPoint;
import io.forewarn.party.Party;

import java.util.List;

/** One row of an import, read on its own: a party to store, or the problems that keep it out. */
public sealed interface ImportRow {

    int row();

    /** @param contacts its contact points, from the columns email, webhook-url with webhook-secret, cap-feed and liaison */
    record Accepted(int row, Party party, List<ContactPoint> contacts) implements ImportRow {
        public Accepted {
            contacts = List.copyOf(contacts);
        }

        public Accepted(int row, Party party) {
            this(row, party, List.of());
        }
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
