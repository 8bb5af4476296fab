package io.forewarn.dissemination.cap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Atom feed (RFC 4287) of the CAP alerts in force, as public alerting feeds publish them: one entry per
 * alert, its {@code alternate} link the CAP document ({@code application/cap+xml}), a {@code related} link the
 * plain advisory page, its summary the alert's first description. The feed's {@code updated} is its latest
 * entry's (or, with none, the time it was asked for), so a reader polling it sees a change only when there is one.
 */
public final class CapFeed {

    public static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One alert of the feed, with the addresses of its CAP document and advisory page. */
    public record Entry(CapAlert alert, URI capDocument, URI advisory) {
    }

    private CapFeed() {
    }

    /** The feed at {@code self}, titled {@code title}, of the entries given, the latest first. */
    public static byte[] write(URI self, String title, String author, List<Entry> entries, OffsetDateTime asked) {
        Document document = CapDocuments.empty();
        Element feed = document.createElementNS(ATOM, "feed");
        document.appendChild(feed);
        text(feed, "id", self.toString());
        text(feed, "title", title);
        OffsetDateTime updated = entries.stream().map(entry -> entry.alert().sent()).max(OffsetDateTime::compareTo).orElse(asked);
        text(feed, "updated", CapTimes.format(updated));
        Element by = child(feed, "author");
        text(by, "name", author);
        link(feed, "self", "application/atom+xml", self);
        for (Entry entry : entries) {
            CapAlert alert = entry.alert();
            CapAlert.Info first = alert.infos().get(0);
            Element item = child(feed, "entry");
            text(item, "id", entry.capDocument().toString());
            text(item, "title", first.headline().orElse(first.event()));
            text(item, "updated", CapTimes.format(alert.sent()));
            link(item, "alternate", "application/cap+xml", entry.capDocument());
            link(item, "related", "text/html", entry.advisory());
            first.description().ifPresent(description -> text(item, "summary", description));
        }
        return CapDocuments.bytes(document);
    }

    private static void link(Element parent, String relation, String type, URI href) {
        Element link = child(parent, "link");
        link.setAttribute("rel", relation);
        link.setAttribute("type", type);
        link.setAttribute("href", href.toString());
    }

    private static void text(Element parent, String name, String text) {
        child(parent, name).setTextContent(text);
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElementNS(ATOM, name);
        parent.appendChild(element);
        return element;
    }
}
