package io.forewarn.obligation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which obligations a listing asks for, and in what order: in any of {@code states} (every state when it is
 * empty), to one party, of one report, due before an instant; in the order they were opened, or the most
 * urgent first ({@code byDeadline}: by deadline, then in the order they were opened).
 */
public record ObligationQuery(Set<ObligationState> states, Optional<String> party, Optional<String> report,
                              Optional<Instant> dueBefore, boolean byDeadline) {

    public ObligationQuery {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(dueBefore, "dueBefore");
    }

    /** Every obligation, in the order opened. */
    public static ObligationQuery all() {
        return new ObligationQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public ObligationQuery inStates(Set<ObligationState> wanted) {
        return new ObligationQuery(wanted, party, report, dueBefore, byDeadline);
    }

    public ObligationQuery toParty(String partyId) {
        return new ObligationQuery(states, Optional.of(partyId), report, dueBefore, byDeadline);
    }

    public ObligationQuery ofReport(String reportId) {
        return new ObligationQuery(states, party, Optional.of(reportId), dueBefore, byDeadline);
    }

    public ObligationQuery dueBefore(Instant instant) {
        return new ObligationQuery(states, party, report, Optional.of(instant), byDeadline);
    }

    public ObligationQuery mostUrgentFirst() {
        return new ObligationQuery(states, party, report, dueBefore, true);
    }

    /** Whether an obligation is one this query asks for (the order aside). */
    public boolean matches(Obligation obligation) {
        return (states.isEmpty() || states.contains(obligation.state()))
                && party.map(obligation.partyId()::equals).orElse(true)
                && report.map(obligation.reportId()::equals).orElse(true)
                && dueBefore.map(obligation.deadline()::isBefore).orElse(true);
    }
}
