package io.forewarn.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.forewarn.dissemination.Delivery;
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
import java.util.ArrayList;
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
 *
 * <p>A cancelled warning keeps its alert ({@code W-1}: receivers resolve the references to it) and gets a second
 * document, its {@code Cancel} ({@code W-1-cancel}), which references it and the alerts it renewed. The feed lists the
 * Cancel in the alert's place until the alert's validity would have ended, as public alerting feeds do, so a reader
 * that saw the alert sees it withdrawn rather than merely gone.
 */
public final class PublicAlerts {

    /** The feed lists at most this many alerts, the latest first. */
    public static final int FEED_SIZE = 100;

    /**
     * A signed CAP document and its entity tag (a digest of its bytes).
     *
     * @param documentId the warning's id for its alert, with {@link CapAlerts#CANCEL_SUFFIX} for its Cancel: its path's name
     */
    public record Signed(String documentId, CapAlert alert, byte[] document, String etag) {
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

    /**
     * The signed alert of a public warning ({@code W-1}), or the Cancel of a cancelled one ({@code W-1-cancel}); empty
     * for an unknown warning, for one to another audience, and for the Cancel of one not cancelled alike.
     */
    public Optional<Signed> alert(String documentId) {
        Signed known = signed.getIfPresent(documentId);
        if (known != null) {
            return Optional.of(known);
        }
        boolean cancel = documentId.endsWith(CapAlerts.CANCEL_SUFFIX);
        String warningId = cancel ? documentId.substring(0, documentId.length() - CapAlerts.CANCEL_SUFFIX.length()) : documentId;
        return desk.read(casebook -> casebook.warning(warningId).filter(CapAlerts::isPublic)
                .filter(warning -> !cancel || warning.cancellation().isPresent())
                .map(warning -> toSign(casebook, warning, cancel))).map(this::sign);
    }

    /**
     * The alerts of the public warnings whose validity as issued has not ended, the latest issued first: each one's
     * alert, or its Cancel once it was cancelled.
     */
    public List<Signed> inForce() {
        // what is not signed yet is read in the transaction and signed after it: an RSA signature takes
        // milliseconds, and a first feed of a hundred alerts would otherwise hold a connection for all of them
        Map<String, Optional<ToSign>> listed = desk.read(casebook -> {
            Map<String, Optional<ToSign>> read = new LinkedHashMap<>();
            casebook.warningsInForce(clock.instant(), FEED_SIZE * 4).stream()
                    .filter(CapAlerts::isPublic).limit(FEED_SIZE)
                    .forEach(warning -> {
                        boolean cancel = warning.cancellation().isPresent();
                        String id = cancel ? warning.id() + CapAlerts.CANCEL_SUFFIX : warning.id();
                        read.put(id, signed.getIfPresent(id) != null ? Optional.empty()
                                : Optional.of(toSign(casebook, warning, cancel)));
                    });
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

    /** A warning and what its alert (or its Cancel) needs from the casebook, read inside a transaction. */
    private record ToSign(Warning warning, ThreatReport report, Delivery.Kind kind, List<String> references) {
    }

    /**
     * An alert references the alert its warning renews (an Update); a Cancel references the warning's own alert and
     * every alert before it in its line of renewals, the thread it closes. A line ends at a cancelled warning, whose
     * own Cancel closed it: the renewal after it is a new Alert ({@link Delivery.Kind#updating}).
     */
    private ToSign toSign(Casebook casebook, Warning warning, boolean cancel) {
        ThreatReport report = casebook.report(warning.reportId()).orElseThrow(() ->
                new IllegalStateException("warning " + warning.id() + " has no report " + warning.reportId()));
        List<String> references = new ArrayList<>();
        if (cancel) {
            references.add(CapAlerts.reference(sender, warning));
        }
        Optional<Warning> renewed = Delivery.Kind.updating(warning.renews().flatMap(casebook::warning));
        Delivery.Kind kind = cancel ? Delivery.Kind.CANCEL : Delivery.Kind.of(renewed);
        while (renewed.isPresent()) {
            references.add(0, CapAlerts.reference(sender, renewed.get()));
            renewed = cancel ? Delivery.Kind.updating(renewed.get().renews().flatMap(casebook::warning)) : Optional.empty();
        }
        return new ToSign(warning, report, kind, references);
    }

    private Signed sign(ToSign unsigned) {
        Warning warning = unsigned.warning();
        boolean cancel = unsigned.kind() == Delivery.Kind.CANCEL;
        CapAlert alert = CapAlerts.ofWarning(warning, unsigned.report(), unsigned.kind(), unsigned.references(), sender,
                senderName);
        byte[] document = CapSignature.signed(alert, key.get());
        String id = cancel ? warning.id() + CapAlerts.CANCEL_SUFFIX : warning.id();
        Signed made = new Signed(id, alert, document, etag(document));
        signed.put(id, made);
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
