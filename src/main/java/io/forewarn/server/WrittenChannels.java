package io.forewarn.server;

import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.dissemination.Artefacts;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.WrittenChannel;
import io.forewarn.dissemination.cap.CapFiles;
import io.forewarn.dissemination.mail.MailFiles;
import io.forewarn.dissemination.mail.WarningMail;
import io.forewarn.dissemination.webhook.WebhookFiles;
import io.forewarn.json.DeliveryBody;
import io.forewarn.obligation.Casebook;
import io.forewarn.party.ContactPoint;
import io.forewarn.scenario.ReplayChannels;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The channels of an {@code as-policy} replay ({@code demo}, {@code scenario run}, {@code POST /api/v1/scenario-runs}): the CAP feed,
 * email and webhooks, each rendering with the code the server sends with and writing what it would have sent into
 * {@link #artefacts()}, nothing over a network. Alerts are signed with a throwaway key, made when this process first
 * signs one and kept in memory for its later replays; its public half is kept as {@code cap.pub} in every run's
 * artefacts, to verify them against. The emails' acknowledgement links point
 * at {@code forewarn.invalid}, which reaches nobody: a replay's links are never followed.
 */
public final class WrittenChannels implements ReplayChannels {

    public static final String SENDER = "alerts@forewarn.invalid";
    public static final String SENDER_NAME = "Forewarn replay";
    private static final URI LINKS = URI.create("https://forewarn.invalid");

    private final Artefacts artefacts = new Artefacts();
    private final ZoneId zone;
    private boolean keyWritten;

    /** @param zone the zone an email writes its moments in: the scenario's */
    public WrittenChannels(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public List<Channel> open(Casebook casebook, Clock clock) {
        byte[] linkKey = new byte[32];
        new SecureRandom().nextBytes(linkKey);
        WarningMail mail = new WarningMail(SENDER_NAME, zone, new AcknowledgementLinks(linkKey, LINKS, clock),
                Optional.empty(), clock);
        return List.of(
                new WrittenChannel("cap-feed", ContactPoint.CapFeed.class, "CAP feed subscriptions",
                        new CapFiles(casebook, this::key, SENDER, SENDER_NAME), artefacts),
                new WrittenChannel("email", ContactPoint.Email.class, "email addresses", new MailFiles(from(), mail, clock),
                        artefacts),
                new WrittenChannel("webhook", ContactPoint.Webhook.class, "webhook endpoints",
                        new WebhookFiles(DeliveryBody::json, clock), artefacts));
    }

    /** What the channels wrote, by path. */
    public Artefacts artefacts() {
        return artefacts;
    }

    /** The key the alerts are signed with; its public half is kept as {@code cap.pub} when the first is signed. */
    private KeyPair key() {
        KeyPair key = ThrowawayKey.PAIR;
        if (!keyWritten) {
            keyWritten = true;
            artefacts.put("", "cap", "pub", CapKeyFiles.publicPem(key).getBytes(StandardCharsets.US_ASCII));
        }
        return key;
    }

    /**
     * Made on first use, once a process: a 3,072-bit RSA pair costs a good part of a second, more than the rest of a
     * replay, and a replay's alerts are signed only to be read back against the {@code cap.pub} beside them.
     */
    private static final class ThrowawayKey {
        static final KeyPair PAIR = CapKeyFiles.generate();
    }

    private static InternetAddress from() {
        try {
            return new InternetAddress(SENDER_NAME + " <" + SENDER + ">", true);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
