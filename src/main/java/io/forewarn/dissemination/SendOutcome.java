package io.forewarn.dissemination;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one attempt to send a delivery came to. */
public sealed interface SendOutcome {

    /**
     * The other side took it.
     *
     * @param receipt what the other side answered (an SMTP queue id, an HTTP status), for the attempt's record
     */
    record Sent(String receipt) implements SendOutcome {
        public Sent {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * It did not arrive.
     *
     * @param reason     what went wrong, in a line (never the warning's text or a secret)
     * @param permanent  true when sending the same again cannot succeed (an address refused, a 4xx); the
     *                   delivery is then dead-lettered at once
     * @param disable    true when the other side asked never to be sent to again (a webhook's 410)
     * @param retryAfter how long the other side asked to wait, if it said (HTTP {@code Retry-After})
     */
    record Failed(String reason, boolean permanent, boolean disable, Optional<Duration> retryAfter)
            implements SendOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (disable && !permanent) {
                throw new IllegalArgumentException("a contact point is disabled only on a permanent failure");
            }
        }

        /** A failure worth trying again (a timeout, a 5xx, a 429). */
        public static Failed temporary(String reason) {
            return new Failed(reason, false, false, Optional.empty());
        }

        /** A delivery to a contact point its channel does not carry ({@code carries}: what it does): permanent. */
        public static Failed notCarried(Channel channel, Delivery delivery, String carries) {
            return permanent("the " + channel.kind() + " channel sends to " + carries + ", not to a " + delivery.to().kind()
                    + " contact point");
        }

        /** A failure that the same delivery would meet again. */
        public static Failed permanent(String reason) {
            return new Failed(reason, true, false, Optional.empty());
        }
    }
}
