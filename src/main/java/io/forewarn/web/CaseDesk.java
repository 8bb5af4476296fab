package io.forewarn.web;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.policy.Policy;
import io.forewarn.sanitize.Sanitizer;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the API does its work: every change runs the duty-to-warn workflow in one database
 * transaction under the policy in force, so a request either happens entirely or not at all.
 * The one exception is a refusal the workflow puts on the timeline on purpose (an approval refused,
 * say): the change is rolled back, but the refusal is then recorded in a transaction of its own.
 */
final class CaseDesk {

    /** The events the workflow records when it refuses a step, and that must outlive the refused change. */
    static final Set<String> REFUSALS = Set.of("approval-refused");

    private final Casebook casebook;
    private final PolicyBook policies;
    private final Sanitizer sanitizer;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    CaseDesk(Casebook casebook, PolicyBook policies, Sanitizer sanitizer, Clock clock, TransactionTemplate transactions) {
        this.casebook = casebook;
        this.policies = policies;
        this.sanitizer = sanitizer;
        this.clock = clock;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    <T> T change(Function<DutyToWarn, T> work) {
        WatchedCasebook watched = new WatchedCasebook(casebook);
        try {
            return transactions.execute(status -> work.apply(new DutyToWarn(watched, policies.active(), sanitizer, clock)));
        } catch (IllegalStateException refused) {
            List<DutyEvent> refusals = watched.appended().stream().filter(e -> REFUSALS.contains(e.type())).toList();
            if (!refusals.isEmpty()) {
                transactions.executeWithoutResult(status -> refusals.forEach(casebook::append));
            }
            throw refused;
        }
    }

    <T> T read(Function<Casebook, T> query) {
        return reads.execute(status -> query.apply(casebook));
    }

    Policy policy() {
        return policies.active();
    }

    Clock clock() {
        return clock;
    }
}
