package io.forewarn.server;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.DeliveryState;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.dissemination.Retries;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.language.Language;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.IllegalTransitionException;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactBook;
import io.forewarn.party.Party;
import io.forewarn.store.ConcurrentChangeException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Drains the outbox: every {@code forewarn.delivery.interval} (after the previous round ended) it claims a page
 * of due deliveries of the channels this node has ({@link Outbox#claim}, in a short transaction of its own),
 * sends each through its channel outside any transaction, and settles each in a transaction of its own through
 * the workflow: the attempt recorded; a first successful send to a party moves its obligation to delivered
 * ({@code warning-delivered}); a temporary failure queued again after the policy's backoff; a permanent failure,
 * or the last attempt's, dead-lettered ({@code delivery-dead-lettered}) and the obligation escalated; a receiver
 * that asked never to be sent to again has its contact point disabled ({@code contact-point-disabled}). The
 * actor of what it records is {@code scheduler}.
 *
 * <p>Each channel kind has a Resilience4j circuit breaker: while it is open, the deliveries claimed for that
 * channel are given back, due when it may close, without an attempt counted against them.
 *
 * <p>At least once: a node that stops between send and settle leaves the delivery in flight until its claim
 * runs out; the next dispatcher claims and sends it again, with the same id.
 */
final class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    /** How often a settle that met a concurrent change of its obligation is tried again at once. */
    private static final int SETTLE_TRIES = 3;
    /** What a delivery of a warning cancelled before it went out comes to, unsent: given up for good. */
    private static final SendOutcome.Failed WITHDRAWN =
            SendOutcome.Failed.permanent("not sent: its warning was cancelled before it went out");
    /** What a delivery of a warning whose validity ended before it went out comes to: it would warn of nothing in force. */
    private static final SendOutcome.Failed ENDED =
            SendOutcome.Failed.permanent("not sent: its warning ended before it went out");

    private final CaseDesk desk;
    private final Outbox outbox;
    private final ContactBook contacts;
    private final ChannelRegistry channels;
    private final TransactionTemplate transactions;
    private final ServerSettings.Delivery settings;
    private final DeliveryMetrics metrics;
    private final DoubleSupplier random;
    private final CircuitBreakerRegistry breakers;
    private final Turns turns = new Turns("forewarn-dispatcher");

    DeliveryDispatcher(CaseDesk desk, Outbox outbox, ContactBook contacts, ChannelRegistry channels,
                       TransactionTemplate transactions, ServerSettings.Delivery settings, DeliveryMetrics metrics,
                       CircuitBreakerRegistry breakers, DoubleSupplier random) {
        this.desk = desk;
        this.outbox = outbox;
        this.contacts = contacts;
        this.channels = channels;
        this.transactions = transactions;
        this.settings = settings;
        this.metrics = metrics;
        this.random = random;
        this.breakers = breakers;
    }

    /**
     * The circuit breakers of the channels, one per kind, made at once (so their state is a metric from the start,
     * closed): open at 50 % failures of the last 10 attempts (at least 4), open for {@code breakerWait}, then two trials.
     */
    static CircuitBreakerRegistry breakers(ServerSettings.Delivery settings, Clock clock, Iterable<String> kinds) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(10, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .clock(clock)
                .build());
        kinds.forEach(registry::circuitBreaker);
        return registry;
    }

    /** One round: claims one page and settles what it claimed; never throws. How many it claimed. */
    int tick() {
        try {
            Instant now = desk.clock().instant();
            List<OutboxEntry> claimed = transactions.execute(status ->
                    outbox.claim(now, channels.kinds(), settings.page(), now.plus(settings.claim())));
            for (OutboxEntry entry : claimed) {
                try {
                    dispatch(entry);
                } catch (RuntimeException failed) {
                    // one delivery's trouble must not strand the rest of the page; this one is claimed again later
                    LOG.warn("delivery {} could not be dispatched; it is claimed again when its claim runs out: {}",
                            entry.id(), failed.toString());
                }
            }
            return claimed.size();
        } catch (RuntimeException failed) {
            LOG.warn("delivery round failed; the next round tries again: {}", failed.toString());
            LOG.debug("delivery round failure", failed);
            return 0;
        }
    }

    /** The circuit breaker of a channel kind, for tests and the log. */
    CircuitBreaker breaker(String kind) {
        return breakers.circuitBreaker(kind);
    }

    private void dispatch(OutboxEntry entry) {
        Channel channel = channels.of(entry.channel()).orElseThrow();
        Delivery delivery = delivery(entry);
        if (delivery.kind() != Delivery.Kind.CANCEL && delivery.warning().cancellation().isPresent()) {
            // the warning was withdrawn before this went out: it is not sent now (its cancellation is queued beside it)
            settle(entry, WITHDRAWN);
            return;
        }
        boolean ended = !desk.clock().instant().isBefore(delivery.warning().validity().to());
        if (delivery.kind() != Delivery.Kind.CANCEL && ended) {
            // an outage outlasted the warning: its validity, as sent, would read as past; the sweep expires its obligation
            settle(entry, ENDED);
            return;
        }
        CircuitBreaker breaker = breaker(entry.channel());
        if (!breaker.tryAcquirePermission()) {
            transactions.executeWithoutResult(status ->
                    outbox.release(entry, desk.clock().instant().plus(settings.breakerWait())));
            return;
        }
        long started = breaker.getCurrentTimestamp();
        SendOutcome outcome;
        try {
            outcome = channel.send(delivery);
        } catch (RuntimeException failed) {
            // a channel must not throw; one that does is treated as a temporary failure, named by type only
            outcome = SendOutcome.Failed.temporary(channel.kind() + " channel failed: " + failed.getClass().getSimpleName());
        }
        long took = breaker.getCurrentTimestamp() - started;
        if (outcome instanceof SendOutcome.Failed failed && !failed.permanent()) {
            breaker.onError(took, breaker.getTimestampUnit(), new ChannelDown(failed.reason()));
        } else {
            // sent, or refused for good by a receiver that answered: either way the channel is up
            breaker.onSuccess(took, breaker.getTimestampUnit());
        }
        settle(entry, outcome);
    }

    private Delivery delivery(OutboxEntry entry) {
        return desk.read(casebook -> {
            Warning warning = casebook.warning(entry.warningId()).orElseThrow(() ->
                    new IllegalStateException("delivery " + entry.id() + " names warning " + entry.warningId() + ", not on file"));
            List<Language> languages = casebook.party(entry.partyId()).map(Party::languages).orElse(List.of());
            return new Delivery(entry.id(), entry.kind(), warning, entry.partyId(), entry.to(), languages, entry.attempts());
        });
    }

    private void settle(OutboxEntry entry, SendOutcome outcome) {
        for (int tried = 1; ; tried++) {
            try {
                desk.change(duty -> {
                    settle(duty, entry, outcome);
                    return null;
                });
                return;
            } catch (ConcurrentChangeException | ConcurrencyFailureException | IllegalTransitionException raced) {
                // another node's settle moved the obligation first (a second contact point of the same party):
                // settled again, on what is now stored, it sees that and moves nothing
                if (tried >= SETTLE_TRIES) {
                    // left in flight: claimed and sent again once its claim runs out (at least once)
                    LOG.info("delivery {} could not be settled after {} tries ({}); it is sent again when its claim "
                            + "runs out", entry.id(), tried, raced.toString());
                    return;
                }
            }
        }
    }

    private void settle(DutyToWarn duty, OutboxEntry entry, SendOutcome outcome) {
        Instant now = desk.clock().instant();
        Retries.Next next = new Retries(duty.policy().delivery(), random).after(entry.attempts(), outcome, now);
        if (next instanceof Retries.Next.Done done) {
            if (!outbox.settle(entry, attempt(entry, now, OutboxEntry.Attempt.Outcome.SENT, done.receipt()), DeliveryState.SENT, now)) {
                return;
            }
            metrics.attempt(entry.channel(), "sent");
            Obligation obligation = duty.casebook().obligation(entry.obligationId()).orElseThrow();
            if (entry.kind() != Delivery.Kind.CANCEL && obligation.allowedNext().contains(ObligationState.DELIVERED)
                    && latestWarningIs(duty, entry)) {
                duty.deliver(obligation.id(), DutyToWarn.SCHEDULER, entry.channel());
                metrics.firstDelivered(Duration.between(entry.issuedAt(), now));
            }
        } else if (next instanceof Retries.Next.RetryAt retry) {
            if (outbox.settle(entry, attempt(entry, now, OutboxEntry.Attempt.Outcome.FAILED, retry.reason()),
                    DeliveryState.QUEUED, retry.due())) {
                metrics.attempt(entry.channel(), "failed");
            }
        } else {
            Retries.Next.DeadLetter dead = (Retries.Next.DeadLetter) next;
            if (!outbox.settle(entry, attempt(entry, now, OutboxEntry.Attempt.Outcome.DEAD_LETTERED, dead.reason()),
                    DeliveryState.DEAD_LETTERED, now)) {
                return;
            }
            metrics.attempt(entry.channel(), "dead-lettered");
            if (dead.disable() && contacts.disable(entry.partyId(), entry.channel(), entry.to().address(), now)) {
                duty.contactPointDisabled(entry.partyId(), entry.channel(), entry.id());
            }
            duty.deadLettered(entry.obligationId(), entry.id(), entry.channel(), entry.attempts(),
                    outcome == WITHDRAWN || outcome == ENDED ? dead.reason()
                            : outcome instanceof SendOutcome.Failed failed && failed.permanent() ? "the receiver refused it for good"
                            : "every attempt the policy allows failed", entry.kind() != Delivery.Kind.CANCEL);
        }
    }

    /** Whether the delivery carries the obligation's latest warning: an older warning's delivery moves nothing. */
    private static boolean latestWarningIs(DutyToWarn duty, OutboxEntry entry) {
        Obligation obligation = duty.casebook().obligation(entry.obligationId()).orElseThrow();
        List<Warning> warnings = duty.casebook().warningsTo(obligation.reportId(), obligation.partyId());
        return !warnings.isEmpty() && warnings.get(warnings.size() - 1).id().equals(entry.warningId());
    }

    private static OutboxEntry.Attempt attempt(OutboxEntry entry, Instant at, OutboxEntry.Attempt.Outcome outcome, String detail) {
        return new OutboxEntry.Attempt(entry.attempts(), at, outcome, detail);
    }

    /** What the circuit breaker counts: a temporary failure of the channel's other side. */
    private static final class ChannelDown extends Exception {
        ChannelDown(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            LOG.info("delivery dispatcher disabled (forewarn.delivery.enabled=false): this node sends no deliveries");
        } else if (turns.start(this::tick, settings.interval())) {
            LOG.info("delivery dispatcher every {} through {}", settings.interval(),
                    channels.kinds().isEmpty() ? "no channel" : String.join(", ", channels.kinds()));
        }
    }

    @Override
    public void stop() {
        turns.stop();
    }

    @Override
    public boolean isRunning() {
        return turns.running();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
