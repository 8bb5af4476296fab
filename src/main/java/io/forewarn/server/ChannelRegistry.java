package io.forewarn.server;

import io.forewarn.dissemination.Channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channels this node sends through, by the contact point kind each carries: every Spring bean of type
 * {@link Channel}. A delivery of a kind none carries is never claimed here; it stays queued, visible as such
 * in its warning's deliveries, until a node with that channel (or, for liaison, a person) takes it.
 */
final class ChannelRegistry {

    private final Map<String, Channel> byKind = new LinkedHashMap<>();

    ChannelRegistry(List<Channel> channels) {
        for (Channel channel : channels) {
            Channel before = byKind.putIfAbsent(channel.kind(), channel);
            if (before != null) {
                throw new IllegalStateException("two channels carry " + channel.kind() + ": "
                        + before.getClass().getName() + " and " + channel.getClass().getName());
            }
        }
    }

    Optional<Channel> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    Set<String> kinds() {
        return byKind.keySet();
    }
}
