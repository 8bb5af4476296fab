package io.forewarn.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapAlerts;
import io.forewarn.dissemination.cap.CapSignature;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CAP alerts the server publishes without a login: those of the warnings to the audiences the public reads
 * ({@code public}, {@code own-citizens}), signed with the server's CAP key. A warning to any other audience is
 * as absent here as one that does not exist. A warning never changes once issued, so its signed document is
 * kept once made (RSA signatures are deterministic: the same bytes each time).
 */
public final class PublicAlerts {

    /** The feed lists at most this many alerts, the latest first. */
    public static final int FEED_SIZE = 100;

    /** A warning's signed CAP document and its entity tag (a digest of its bytes). */
    public record Signed(String warningId, CapAlert alert, byte[] document, String etag) {
    }

    private final CaseDesk desk;
    private final Supplier<KeyPair> key;
    private final Clock clock;
    private final String sender;
    private final String senderName;
    private final Cache<String, Signed> signed = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The key is read, or made, when the first alert is signed: a server that publishes none starts without it. */
    PublicAlerts(CaseDesk desk, Supplier<KeyPair> key, Clock clock, String sender, String senderName) {
        this.desk = desk;
        this.key = memoized(key);
        this.clock = clock;
        this.sender = sender;
        this.senderName = senderName;
    }

    /** The signed alert of a public warning; empty for an unknown warning and for one to another audience alike. */
    public Optional<Signed> alert(String warningId) {
        Signed known = signed.getIfPresent(warningId);
        if (known != null) {
            return Optional.of(known);
        }
        return desk.read(casebook -> casebook.warning(warningId).filter(CapAlerts::isPublic)
                .map(warning -> toSign(casebook, warning))).map(this::sign);
    }

    /** The alerts of the public warnings in force now, the latest issued first. */
    public List<Signed> inForce() {
        // what is not signed yet is read in the transaction and signed after it: an RSA signature takes
        // milliseconds, and a first feed of a hundred alerts would otherwise hold a connection for all of them
        Map<String, Optional<ToSign>> listed = desk.read(casebook -> {
            Map<String, Optional<ToSign>> read = new LinkedHashMap<>();
            casebook.warningsInForce(clock.instant(), FEED_SIZE * 4).stream()
                    .filter(CapAlerts::isPublic).limit(FEED_SIZE)
                    .forEach(warning -> read.put(warning.id(), signed.getIfPresent(warning.id()) != null ? Optional.empty()
                            : Optional.of(toSign(casebook, warning))));
            return read;
        });
        return listed.entrySet().stream()
                .map(entry -> entry.getValue().map(this::sign)
                        .or(() -> Optional.ofNullable(signed.getIfPresent(entry.getKey())))
                        .or(() -> alert(entry.getKey()))
                        .orElseThrow(() -> new IllegalStateException("warning " + entry.getKey() + " went while listed")))
                .toList();
    }

    public String senderName() {
        return senderName;
    }

    /** The entity tag of a document: a digest of its bytes, quoted as HTTP writes it. */
    public static String etag(byte[] document) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A warning and what its alert needs from the casebook, read inside a transaction. */
    private record ToSign(Warning warning, ThreatReport report, Optional<Warning> renewed) {
    }

    private ToSign toSign(Casebook casebook, Warning warning) {
        ThreatReport report = casebook.report(warning.reportId()).orElseThrow(() ->
                new IllegalStateException("warning " + warning.id() + " has no report " + warning.reportId()));
        return new ToSign(warning, report, warning.renews().flatMap(casebook::warning));
    }

    private Signed sign(ToSign unsigned) {
        Warning warning = unsigned.warning();
        CapAlert alert = CapAlerts.ofWarning(warning, unsigned.report(), unsigned.renewed(), sender, senderName);
        byte[] document = CapSignature.signed(alert, key.get());
        Signed made = new Signed(warning.id(), alert, document, etag(document));
        signed.put(warning.id(), made);
        return made;
    }

    private static Supplier<KeyPair> memoized(Supplier<KeyPair> source) {
        KeyPair[] made = new KeyPair[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = source.get();
                }
                return made[0];
            }
        };
    }
}
