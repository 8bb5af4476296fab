package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Delivery;
import io.forewarn.dissemination.WrittenChannel;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;

import java.security.KeyPair;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A CAP feed delivery as a replay writes it: a subscriber reads the warning's signed CAP alert, so this is the alert
 * the public feed would have served ({@link CapAlerts#ofWarning}, signed by {@link CapSignature}, as the server's
 * public alerts are), as {@code cap/<warning>.xml}; what went is its type and languages ({@code CAP Alert en+ru}). A
 * warning to an audience CAP is not published for cannot reach a subscriber: refused for good, as on a server.
 */
public final class CapFiles implements WrittenChannel.Rendering {

    private final Casebook casebook;
    private final Supplier<KeyPair> key;
    private final String sender;
    private final String senderName;

    /**
     * @param casebook where the warning's report and the warning it renews are read
     * @param key      the signing key, asked for when an alert is signed (a replay that writes none makes none)
     */
    public CapFiles(Casebook casebook, Supplier<KeyPair> key, String sender, String senderName) {
        this.casebook = Objects.requireNonNull(casebook, "casebook");
        this.key = Objects.requireNonNull(key, "key");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.senderName = Objects.requireNonNull(senderName, "senderName");
    }

    @Override
    public WrittenChannel.Written render(Delivery delivery) {
        Warning warning = delivery.warning();
        if (!CapAlerts.isPublic(warning)) {
            throw new IllegalArgumentException("warning " + warning.id() + " is to the " + warning.audience()
                    + " audience, which the public feed does not carry");
        }
        ThreatReport report = casebook.report(warning.reportId()).orElseThrow(() ->
                new IllegalStateException("warning " + warning.id() + " has no report " + warning.reportId()));
        CapAlert alert = CapAlerts.ofWarning(warning, report, warning.renews().flatMap(casebook::warning), sender, senderName);
        String languages = alert.infos().stream().map(CapAlert.Info::language).collect(Collectors.joining("+"));
        return new WrittenChannel.Written("cap", warning.id(), "xml", CapSignature.signed(alert, key.get()),
                "CAP " + alert.msgType() + " " + languages);
    }
}
