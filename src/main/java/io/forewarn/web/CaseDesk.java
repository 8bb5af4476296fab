package io.forewarn.web;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.policy.Policy;
import io.forewarn.sanitize.Sanitizer;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.function.Function;

/**
 * Where the API does its work: every change runs the duty-to-warn workflow in one database
 * transaction under the policy in force, so a request either happens entirely or not at all.
 */
final class CaseDesk {

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
        return transactions.execute(status -> work.apply(new DutyToWarn(casebook, policies.active(), sanitizer, clock)));
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
