package io.forewarn.scenario;

import io.forewarn.dissemination.Channel;
import io.forewarn.obligation.Casebook;

import java.time.Clock;
import java.util.List;

/**
 * The channels an {@code as-policy} replay sends its parties' warnings through, opened for each run on its casebook
 * and its simulated clock. A replay sends nothing over a network: these write what they would have sent.
 */
@FunctionalInterface
public interface ReplayChannels {

    List<Channel> open(Casebook casebook, Clock clock);
}
