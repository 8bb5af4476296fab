package io.forewarn.server;

import io.forewarn.policy.PolicyBook;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyEvent;
import io.forewarn.obligation.DutyListener;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.place.Gazetteer;
import io.forewarn.obligation.EventType;
import io.forewarn.obligation.Timeline;
import io.forewarn.policy.Policy;
import io.forewarn.sanitize.Sanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the API does its work: every change runs the duty-to-warn workflow in one database
 * transaction under the policy in force, so a request either happens entirely or not at all.
 * Every event the change publishes goes on the timeline and to the {@link DutyListener}s inside that
 * transaction (an outbox enqueues there, atomically with the change); once it has committed, the
 * {@link Committed} listeners hear all of its events (the metrics count from them).
 * The one exception to all-or-nothing is a refusal the workflow puts on the timeline on purpose (an
 * approval refused, say): the change is rolled back, but the refusal is then published again in a
 * transaction of its own.
 */
public final class CaseDesk {

    /** The events the workflow records when it refuses a step, and that must outlive the refused change. */
    static final Set<EventType> REFUSALS = EnumSet.of(EventType.APPROVAL_REFUSED);

    private static final Logger LOG = LoggerFactory.getLogger(CaseDesk.class);

    /** Hears the events of every committed change, on the thread that made it; must be quick and must not fail. */
    interface Committed {
        void committed(List<DutyEvent> events);
    }

    /** What a change returned, and the events it published. */
    record Changed<T>(T result, List<DutyEvent> events) {
        Changed {
            events = List.copyOf(events);
        }
    }

    private final Casebook casebook;
    private final PolicyBook policies;
    private final Sanitizer sanitizer;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final List<DutyListener> listeners;
    private final List<Committed> committed;
    /**
     * A transaction of its own even inside a caller's (a request under an Idempotency-Key runs in one,
     * see the web's {@code IdempotencyFilter}, and rolls it back when the request is refused).
     */
    private final TransactionTemplate ownTransaction;

    /** Parties are resolved through the gazetteer the casebook files them by. */
    private final Gazetteer gazetteer;

    CaseDesk(Casebook casebook, PolicyBook policies, Sanitizer sanitizer, Clock clock, TransactionTemplate transactions) {
        this(casebook, policies, sanitizer, clock, transactions, List.of(), List.of(), Gazetteer.NONE);
    }

    CaseDesk(Casebook casebook, PolicyBook policies, Sanitizer sanitizer, Clock clock, TransactionTemplate transactions,
             List<DutyListener> listeners, List<Committed> committed, Gazetteer gazetteer) {
        this.gazetteer = java.util.Objects.requireNonNull(gazetteer, "gazetteer");
        this.casebook = casebook;
        this.policies = policies;
        this.sanitizer = sanitizer;
        this.clock = clock;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.listeners = List.copyOf(listeners);
        this.committed = List.copyOf(committed);
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T change(Function<DutyToWarn, T> work) {
        return changeRecorded(work).result();
    }

    /** Like {@link #change}, also handing back the events the change published. */
    public <T> Changed<T> changeRecorded(Function<DutyToWarn, T> work) {
        List<DutyEvent> published = new ArrayList<>();
        List<DutyListener> hearing = new ArrayList<>(listeners);
        hearing.add((seq, event) -> published.add(event));
        Timeline timeline = new Timeline(casebook, hearing);
        try {
            T result = transactions.execute(status -> {
                T done = work.apply(new DutyToWarn(casebook, timeline, policies.active(), sanitizer, clock, gazetteer));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        tell(published);
                    }
                });
                return done;
            });
            return new Changed<>(result, published);
        } catch (IllegalStateException refused) {
            List<DutyEvent> refusals = published.stream().filter(e -> REFUSALS.contains(e.type())).toList();
            if (!refusals.isEmpty()) {
                Timeline own = new Timeline(casebook, listeners);
                ownTransaction.executeWithoutResult(status -> refusals.forEach(own::publish));
            }
            throw refused;
        }
    }

    public <T> T read(Function<Casebook, T> query) {
        return reads.execute(status -> query.apply(casebook));
    }

   public Policy policy() {
        return policies.active();
    }

   public Clock clock() {
        return clock;
    }

    private void tell(List<DutyEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<DutyEvent> told = List.copyOf(events);
        for (Committed listener : committed) {
            try {
                listener.committed(told);
            } catch (RuntimeException failed) {
                // The change is committed; a listener's failure must not turn its answer into an error.
                LOG.warn("{} failed on a committed change: {}", listener.getClass().getSimpleName(), failed.toString());
            }
        }
    }
}
