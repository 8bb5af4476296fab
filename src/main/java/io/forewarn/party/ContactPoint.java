package io.forewarn.party;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one party is reached: the address a channel sends its warning to. A party may have several; each
 * gets its own delivery of every warning addressed to the party. Contact details are need-to-know like
 * the rest of the party, and a webhook's secret is never shown to anyone once stored.
 */
public sealed interface ContactPoint {

    /** The kind as written in files and requests: email, webhook, cap-feed or liaison. */
    String kind();

    /** What identifies this contact point on its party, shown in listings: the address, never a secret. */
    String address();

    /** An email address; the warning goes out as a plain-text and an HTML part in the party's language. */
    record Email(String address) implements ContactPoint {

        // Deliberately loose: one @, no spaces, a dot in the domain. The mail server is the real judge of
        // an address; this only refuses what is plainly not one, at the line it was written on.
        private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

        public Email {
            Objects.requireNonNull(address, "address");
            address = address.strip();
            if (!SHAPE.matcher(address).matches()) {
                throw new IllegalArgumentException("not an email address: " + address);
            }
        }

        @Override
        public String kind() {
            return "email";
        }
    }

    /**
     * A webhook endpoint, signed per Standard Webhooks 1.0 with its {@code whsec_} secret.
     *
     * @param secret {@code whsec_} followed by the base64 of 24 to 64 random bytes, as the scheme's
     *               verifiers expect
     */
    record Webhook(URI url, String secret) implements ContactPoint {

        public Webhook {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
                throw new IllegalArgumentException("a webhook needs an http or https URL with a host: " + url);
            }
            checkSecret(secret);
        }

        @Override
        public String kind() {
            return "webhook";
        }

        @Override
        public String address() {
            return url.toString();
        }

        /** The key the signature is made with: the bytes the secret's base64 stands for. */
        public byte[] key() {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        }

        @Override
        public String toString() {
            // Records print their components; a secret must not reach a log line that way.
            return "Webhook[url=" + url + ", secret=whsec_…]";
        }

        private static final String PREFIX = "whsec_";

        private static void checkSecret(String secret) {
            if (secret == null || !secret.startsWith(PREFIX)) {
                throw new IllegalArgumentException("a webhook secret starts with whsec_ (Standard Webhooks)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
            }
            if (key.length < 24 || key.length > 64) {
                throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes; this one holds " + key.length);
            }
        }
    }

    /**
     * A subscriber that reads the public CAP feed ({@code /feeds/warnings.atom}) rather than being sent
     * anything; its delivery is the warning's appearance in the feed.
     *
     * @param subscriber who reads it, e.g. the broadcaster's name
     */
    record CapFeed(String subscriber) implements ContactPoint {

        public CapFeed {
            subscriber = required(subscriber, "a CAP feed subscription names its subscriber");
        }

        @Override
        public String kind() {
            return "cap-feed";
        }

        @Override
        public String address() {
            return subscriber;
        }
    }

    /** A liaison officer who carries the warning by hand; liaison records the delivery. */
    record Liaison(String officer) implements ContactPoint {

        public Liaison {
            officer = required(officer, "a liaison contact names its officer or desk");
        }

        @Override
        public String kind() {
            return "liaison";
        }

        @Override
        public String address() {
            return officer;
        }
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }
}
