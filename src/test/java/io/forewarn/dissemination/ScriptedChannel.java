package io.forewarn.dissemination;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel for tests that does as it is told, per address: take every delivery (the default), fail it for a
 * while as a receiver that is down would (a temporary failure), or refuse it for good (a permanent failure,
 * optionally asking to be disabled, as a webhook's 410). It keeps every delivery it was handed and every one
 * it took, so a test can count what arrived, de-duplicated by id as a receiver would.
 */
public final class ScriptedChannel implements Channel {

    /** What the receiver at an address does with what it is sent. */
    public enum Behaviour { TAKE, DOWN, REFUSE, GONE }

    /** One delivery handed to the channel, and whether the receiver took it. */
    public record Received(String id, String warningId, String partyId, String address, int attempt, boolean taken) {
    }

    private final String kind;
    private final Map<String, Behaviour> script = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour otherwise = Behaviour.TAKE;
    private volatile Optional<Duration> retryAfter = Optional.empty();

    public ScriptedChannel(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** The receiver at this address behaves so from now on. */
    public ScriptedChannel at(String address, Behaviour behaviour) {
        script.put(address, behaviour);
        return this;
    }

    /** Every address not scripted behaves so from now on. */
    public ScriptedChannel everywhere(Behaviour behaviour) {
        otherwise = behaviour;
        return this;
    }

    /** A receiver that is down asks to be tried again after this long (HTTP Retry-After). */
    public ScriptedChannel askingToWait(Duration wait) {
        retryAfter = Optional.of(wait);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
        script.clear();
        otherwise = Behaviour.TAKE;
        retryAfter = Optional.empty();
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        Behaviour behaviour = script.getOrDefault(delivery.to().address(), otherwise);
        received.add(new Received(delivery.id(), delivery.warning().id(), delivery.partyId(), delivery.to().address(),
                delivery.attempt(), behaviour == Behaviour.TAKE));
        return switch (behaviour) {
            case TAKE -> new SendOutcome.Sent("taken by " + kind + " receiver (attempt " + delivery.attempt() + ")");
            case DOWN -> new SendOutcome.Failed("connection refused (scripted outage)", false, false, retryAfter);
            case REFUSE -> SendOutcome.Failed.permanent("refused for good (scripted 400)");
            case GONE -> new SendOutcome.Failed("gone (scripted 410)", true, true, Optional.empty());
        };
    }
}
