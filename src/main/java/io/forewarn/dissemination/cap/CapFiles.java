package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Artefacts;
import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.SendOutcome;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;

import java.security.KeyPair;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The CAP feed of a replay: a subscriber reads the warning's signed CAP alert, so this writes the alert the public
 * feed would have served ({@link CapAlerts#ofWarning}, signed by {@link CapSignature}, as the server's public alerts
 * are) as {@code cap/<warning>.xml}, and sends nothing. A warning to an audience CAP is not published for cannot reach
 * a subscriber: a permanent failure, as on a server. Its receipt says what went and where it was written:
 * {@code CAP Alert en+ru, cap/W-1.xml}.
 */
public final class CapFiles implements Channel {

    private final Casebook casebook;
    private final Supplier<KeyPair> key;
    private final String sender;
    private final String senderName;
    private final Artefacts out;

    /**
     * @param casebook where the warning's report and the warning it renews are read
     * @param key      the signing key, asked for when an alert is signed (a replay that writes none makes none)
     */
    public CapFiles(Casebook casebook, Supplier<KeyPair> key, String sender, String senderName, Artefacts out) {
        this.casebook = Objects.requireNonNull(casebook, "casebook");
        this.key = Objects.requireNonNull(key, "key");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.senderName = Objects.requireNonNull(senderName, "senderName");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public String kind() {
        return "cap-feed";
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        Warning warning = delivery.warning();
        if (!CapAlerts.isPublic(warning)) {
            return SendOutcome.Failed.permanent("warning " + warning.id() + " is to the " + warning.audience()
                    + " audience, which the public feed does not carry");
        }
        ThreatReport report = casebook.report(warning.reportId()).orElseThrow(() ->
                new IllegalStateException("warning " + warning.id() + " has no report " + warning.reportId()));
        CapAlert alert = CapAlerts.ofWarning(warning, report, warning.renews().flatMap(casebook::warning), sender, senderName);
        String path = out.put("cap", warning.id(), "xml", CapSignature.signed(alert, key.get()));
        String languages = alert.infos().stream().map(CapAlert.Info::language).collect(Collectors.joining("+"));
        return new SendOutcome.Sent("CAP " + alert.msgType() + " " + languages + ", " + path);
    }
}
