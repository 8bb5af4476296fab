package io.forewarn.party;

import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a party's {@code contacts}: a list of {@code {kind, address}}, where kind is email, webhook, cap-feed
 * or liaison, and a webhook also has its {@code secret} (Standard Webhooks' {@code whsec_…}). The address is
 * what a listing shows again; the secret is never shown, so a problem with it says what is wrong, not what it is.
 */
public final class ContactPointReader {

    public static final List<String> KINDS = List.of("email", "webhook", "cap-feed", "liaison");

    private ContactPointReader() {
    }

    public static List<ContactPoint> readAll(YamlValue contacts) {
        List<ContactPoint> read = new ArrayList<>();
        for (YamlValue contact : contacts.asList()) {
            read.add(read(contact));
        }
        return read;
    }

    public static ContactPoint read(YamlValue value) {
        YamlMap map = value.asMap();
        String kind = map.get("kind").asText();
        map.allowOnly(kind.equals("webhook") ? List.of("kind", "address", "secret") : List.of("kind", "address"));
        String address = map.string("address");
        try {
            return of(kind, address, kind.equals("webhook") ? map.string("secret") : null);
        } catch (IllegalArgumentException e) {
            throw value.problem("contact point is invalid: " + e.getMessage());
        }
    }

    /** A contact point from its kind, address and (for a webhook) secret, as stored and imported. */
    public static ContactPoint of(String kind, String address, String secret) {
        return switch (kind) {
            case "email" -> new ContactPoint.Email(address);
            case "webhook" -> new ContactPoint.Webhook(uri(address), secret);
            case "cap-feed" -> new ContactPoint.CapFeed(address);
            case "liaison" -> new ContactPoint.Liaison(address);
            default -> throw new IllegalArgumentException("unknown contact kind '" + kind + "' (kinds: "
                    + String.join(", ", KINDS) + ")");
        };
    }

    /** The secret a contact point keeps (a webhook's), or null. */
    public static String secretOf(ContactPoint point) {
        return point instanceof ContactPoint.Webhook webhook ? webhook.secret() : null;
    }

    private static URI uri(String address) {
        try {
            return new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + address);
        }
    }
}
