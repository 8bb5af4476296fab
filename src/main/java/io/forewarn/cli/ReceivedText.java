package io.forewarn.cli;

import io.forewarn.dissemination.Artefacts;
import io.forewarn.dissemination.OutboxEntry;
import io.forewarn.incident.Incident;
import io.forewarn.language.Language;
import io.forewarn.party.Party;
import io.forewarn.scenario.ReplayResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "What each party received": per party, each delivery its outbox made in a replay — when it was sent, whether that
 * was before the (first) incident, over which channel, to which address (never a webhook's secret), and what went, as
 * the channel's receipt says it (a CAP alert's type and languages, an email's subject, a webhook's event, and the
 * file it was written to).
 */
final class ReceivedText {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final String ROW = "  %-16s  %-6s  %-8s  %-45s  %s%n";

    private final PrintWriter out;
    private final ZoneId zone;

    ReceivedText(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    void print(ReplayResult run) {
        Optional<Instant> attack = run.casebook().incidents().stream().map(Incident::at).min(Comparator.naturalOrder());
        String title = "What each party received, " + run.mode().code() + " (times " + zone.getId()
                + attack.map(at -> "; the attack at " + local(at)).orElse("") + ")";
        out.println();
        out.println(title);
        out.println("=".repeat(title.length()));
        for (Party party : run.scenario().parties()) {
            List<OutboxEntry> deliveries = run.deliveries().stream().filter(d -> d.partyId().equals(party.id())).toList();
            String reads = party.languages().isEmpty() ? ""
                    : "; reads " + party.languages().stream().map(Language::tag).collect(Collectors.joining(", "));
            out.println();
            out.println(party.id() + " (" + party.audience() + reads + ")");
            if (deliveries.isEmpty()) {
                out.println("  nothing through the outbox: no contact point a channel sends to (a liaison officer "
                        + "carries its warnings; see the timeline)");
                continue;
            }
            out.printf(ROW, "sent at", "before", "channel", "address", "what");
            for (OutboxEntry delivery : deliveries) {
                out.printf(ROW, delivery.sentAt().map(this::local).orElse(delivery.state().code()),
                        delivery.sentAt().flatMap(sent -> attack.map(at -> sent.isBefore(at) ? "yes" : "no")).orElse("-"),
                        delivery.channel(), delivery.to().address(), what(delivery));
            }
        }
        out.flush();
    }

    /** With a directory, writes the files there and says how to check an alert; without, says where they would go. */
    static void written(Artefacts artefacts, Optional<Path> directory, PrintWriter out) {
        if (artefacts.files().isEmpty()) {
            return;
        }
        out.println();
        if (directory.isEmpty()) {
            out.println("(The files named above are what the channels would have sent; --out DIR writes them.)");
            return;
        }
        try {
            artefacts.writeTo(directory.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory.get() + ": " + e.getMessage(), e);
        }
        out.println("Wrote " + artefacts.files().size() + " files to " + directory.get() + ".");
        artefacts.files().keySet().stream().filter(path -> path.startsWith("cap/")).findFirst().ifPresent(alert ->
                out.println("Check a CAP alert: forewarn cap verify " + directory.get().resolve(alert) + " --key "
                        + directory.get().resolve("cap.pub")));
    }

    /** The receipt of its last attempt: what the channel says it sent and where it wrote it, or why it did not. */
    private static String what(OutboxEntry delivery) {
        List<OutboxEntry.Attempt> attempts = delivery.history();
        return attempts.isEmpty() ? delivery.kind().name().toLowerCase(Locale.ROOT) + " of " + delivery.warningId()
                + ", not sent" : attempts.get(attempts.size() - 1).detail();
    }

    private String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }
}
