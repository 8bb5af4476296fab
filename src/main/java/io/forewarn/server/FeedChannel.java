package io.forewarn.server;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.dissemination.cap.CapAlerts;

/**
 * A CAP feed subscription is delivered by the warning's presence in the public feed, which holds it from the
 * commit that issued it: nothing is sent, and the receipt says so. A warning to an audience the feed does not
 * carry ({@link CapAlerts#AUDIENCES}) cannot reach such a subscriber: a permanent failure, so the
 * obligation is escalated rather than counted delivered.
 */
final class FeedChannel implements Channel {

    @Override
    public String kind() {
        return "cap-feed";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        String audience = delivery.warning().audience().toString();
        if (!CapAlerts.isPublic(delivery.warning())) {
            return SendOutcome.Failed.permanent("warning " + delivery.warning().id() + " is to the " + audience
                    + " audience, which the public feed does not carry");
        }
        return new SendOutcome.Sent("in feed");
    }
}
