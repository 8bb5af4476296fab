package io.forewarn.dissemination.cap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Optional;

/** Writes an alert as a CAP 1.2 document, its elements in the order the CAP 1.2 schema requires. */
public final class CapWriter {

    private CapWriter() {
    }

    public static Document document(CapAlert alert) {
        Document document = CapDocuments.empty();
        Element root = document.createElementNS(CapAlert.NAMESPACE_1_2, "alert");
        document.appendChild(root);
        add(root, "identifier", alert.identifier());
        add(root, "sender", alert.sender());
        add(root, "sent", CapTimes.format(alert.sent()));
        add(root, "status", alert.status());
        add(root, "msgType", alert.msgType());
        add(root, "scope", alert.scope());
        if (!alert.references().isEmpty()) {
            add(root, "references", String.join(" ", alert.references()));
        }
        for (CapAlert.Info info : alert.infos()) {
            Element block = add(root, "info", null);
            add(block, "language", info.language());
            info.categories().forEach(category -> add(block, "category", category));
            add(block, "event", info.event());
            add(block, "urgency", info.urgency());
            add(block, "severity", info.severity());
            add(block, "certainty", info.certainty());
            info.effective().ifPresent(time -> add(block, "effective", CapTimes.format(time)));
            info.expires().ifPresent(time -> add(block, "expires", CapTimes.format(time)));
            optional(block, "senderName", info.senderName());
            optional(block, "headline", info.headline());
            optional(block, "description", info.description());
            optional(block, "instruction", info.instruction());
            for (CapAlert.Area area : info.areas()) {
                Element shape = add(block, "area", null);
                add(shape, "areaDesc", area.description());
                area.polygons().forEach(polygon -> add(shape, "polygon", polygon));
                area.circles().forEach(circle -> add(shape, "circle", circle));
            }
        }
        return document;
    }

    /** The document as UTF-8 bytes, unsigned. */
    public static byte[] bytes(CapAlert alert) {
        return CapDocuments.bytes(document(alert));
    }

    private static void optional(Element parent, String name, Optional<String> text) {
        text.ifPresent(value -> add(parent, name, value));
    }

    private static Element add(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(CapAlert.NAMESPACE_1_2, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
