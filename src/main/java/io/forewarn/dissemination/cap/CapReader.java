package io.forewarn.dissemination.cap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CAP alert, version 1.1 or 1.2, as a receiver must (Forewarn writes only 1.2): the elements of
 * {@link CapAlert}, and a clear refusal naming what is missing when a required one is absent. A document with a
 * DOCTYPE is refused ({@link CapDocuments}): no entity of any kind is expanded.
 */
public final class CapReader {

    private CapReader() {
    }

    public static CapAlert read(byte[] xml) {
        Document document = CapDocuments.parse(xml);
        Element alert = document.getDocumentElement();
        String namespace = String.valueOf(alert.getNamespaceURI());
        String version = switch (namespace) {
            case CapAlert.NAMESPACE_1_2 -> "1.2";
            case CapAlert.NAMESPACE_1_1 -> "1.1";
            default -> throw new CapFormatException("not a CAP 1.1 or 1.2 alert: the root element is {" + namespace + "}"
                    + alert.getLocalName());
        };
        if (!"alert".equals(alert.getLocalName())) {
            throw new CapFormatException("not a CAP alert: the root element is <" + alert.getLocalName() + ">");
        }
        List<CapAlert.Info> infos = new ArrayList<>();
        for (Element info : children(alert, "info")) {
            List<CapAlert.Area> areas = new ArrayList<>();
            for (Element area : children(info, "area")) {
                areas.add(new CapAlert.Area(required(area, "areaDesc", "area"), texts(area, "polygon"), texts(area, "circle")));
            }
            List<String> categories = texts(info, "category");
            if (categories.isEmpty()) {
                throw new CapFormatException("<info> has no <category>, which CAP requires");
            }
            infos.add(new CapAlert.Info(optional(info, "language").orElse("en-US"), categories,
                    required(info, "event", "info"), required(info, "urgency", "info"), required(info, "severity", "info"),
                    required(info, "certainty", "info"),
                    optional(info, "effective").map(time -> CapTimes.parse(time, "effective")),
                    optional(info, "expires").map(time -> CapTimes.parse(time, "expires")),
                    optional(info, "senderName"), optional(info, "headline"), optional(info, "description"),
                    optional(info, "instruction"), areas));
        }
        List<String> references = optional(alert, "references").map(text -> List.of(text.strip().split("\\s+"))).orElse(List.of());
        return new CapAlert(version, required(alert, "identifier", "alert"), required(alert, "sender", "alert"),
                CapTimes.parse(required(alert, "sent", "alert"), "sent"), required(alert, "status", "alert"),
                required(alert, "msgType", "alert"), required(alert, "scope", "alert"), references, infos);
    }

    private static String required(Element parent, String name, String parentName) {
        return optional(parent, name).orElseThrow(() ->
                new CapFormatException("<" + parentName + "> has no <" + name + ">, which CAP requires"));
    }

    private static Optional<String> optional(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getTextContent().strip());
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(element -> element.getTextContent().strip()).toList();
    }

    /** The child elements of that local name in the parent's own namespace (a signature's elements are not CAP's). */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && String.valueOf(parent.getNamespaceURI()).equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
