package io.forewarn.web;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.policy.Policy;
import io.forewarn.sanitize.Sanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * Once a change has committed, the {@link Watcher}s hear what it wrote (the metrics count from it).
 */
final class CaseDesk {

    /** The events the workflow records when it refuses a step, and that must outlive the refused change. */
    static final Set<String> REFUSALS = Set.of("approval-refused");

    private static final Logger LOG = LoggerFactory.getLogger(CaseDesk.class);

    /** Hears about every committed change, on the thread that made it; must be quick and must not fail. */
    interface Watcher {
        void committed(WatchedCasebook.Changes changes);
    }

    /** What a change returned, and what it wrote. */
    record Changed<T>(T result, WatchedCasebook.Changes changes) {
    }

    private final Casebook casebook;
    private final PolicyBook policies;
    private final Sanitizer sanitizer;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final List<Watcher> watchers;
    /**
     * A transaction of its own even inside a caller's (a request under an Idempotency-Key runs in one,
     * see {@link IdempotencyFilter}, and rolls it back when the request is refused).
     */
    private final TransactionTemplate ownTransaction;

    CaseDesk(Casebook casebook, PolicyBook policies, Sanitizer sanitizer, Clock clock, TransactionTemplate transactions) {
        this(casebook, policies, sanitizer, clock, transactions, List.of());
    }

    CaseDesk(Casebook casebook, PolicyBook policies, Sanitizer sanitizer, Clock clock, TransactionTemplate transactions,
             List<Watcher> watchers) {
        this.casebook = casebook;
        this.policies = policies;
        this.sanitizer = sanitizer;
        this.clock = clock;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.watchers = List.copyOf(watchers);
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    <T> T change(Function<DutyToWarn, T> work) {
        return changeRecorded(work).result();
    }

    /** Like {@link #change}, also handing back what the change wrote. */
    <T> Changed<T> changeRecorded(Function<DutyToWarn, T> work) {
        WatchedCasebook watched = new WatchedCasebook(casebook);
        try {
            T result = transactions.execute(status -> {
                T done = work.apply(new DutyToWarn(watched, policies.active(), sanitizer, clock));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        tell(watched.changes());
                    }
                });
                return done;
            });
            return new Changed<>(result, watched.changes());
        } catch (IllegalStateException refused) {
            List<DutyEvent> refusals = watched.appended().stream().filter(e -> REFUSALS.contains(e.type())).toList();
            if (!refusals.isEmpty()) {
                ownTransaction.executeWithoutResult(status -> refusals.forEach(casebook::append));
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

    private void tell(WatchedCasebook.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (Watcher watcher : watchers) {
            try {
                watcher.committed(changes);
            } catch (RuntimeException failed) {
                // The change is committed; a watcher's failure must not turn its answer into an error.
                LOG.warn("{} failed on a committed change: {}", watcher.getClass().getSimpleName(), failed.toString());
            }
        }
    }
}
