package io.forewarn.dissemination;

import io.forewarn.language.Language;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** An acknowledgement link read back: good until it expires, and forged once anything in it is changed. */
class AcknowledgementLinksTest {

    private static final Instant NOW = Instant.parse("2024-03-18T09:05:00Z");
    private static final Instant EXPIRES = Instant.parse("2024-03-25T09:00:00Z");
    private static final byte[] KEY = key(7);

    @Test
    void aLinkNamesItsDeliveryExpiryAndLanguage() {
        URI link = links(KEY, NOW).link("DL-7f3a", EXPIRES, Language.of("fa"));

        assertThat(link.toString()).startsWith("https://forewarn.example.org/ack/");
        assertThat(links(KEY, NOW).read(token(link)))
                .isEqualTo(new AcknowledgementLinks.Reading.Good("DL-7f3a", EXPIRES, Language.of("fa")));
    }

    @Test
    void aLinkPastItsTimeIsExpired() {
        String token = token(links(KEY, NOW).link("DL-7f3a", EXPIRES, Language.ENGLISH));

        assertThat(links(KEY, EXPIRES).read(token))
                .isEqualTo(new AcknowledgementLinks.Reading.Expired("DL-7f3a", EXPIRES, Language.ENGLISH));
    }

    @Test
    void aLinkWithAnotherDeliveryOrALaterExpiryPutInIsForged() {
        String token = token(links(KEY, NOW).link("DL-7f3a", EXPIRES, Language.ENGLISH));
        String mac = token.substring(token.indexOf('.'));
        String otherDelivery = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("DL-0001\n" + EXPIRES.getEpochSecond() + "\nen").getBytes());
        String longer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("DL-7f3a\n" + EXPIRES.plusSeconds(86_400 * 365).getEpochSecond() + "\nen").getBytes());

        assertThat(links(KEY, NOW).read(otherDelivery + mac)).isEqualTo(new AcknowledgementLinks.Reading.Forged());
        assertThat(links(KEY, NOW).read(longer + mac)).isEqualTo(new AcknowledgementLinks.Reading.Forged());
        assertThat(links(key(8), NOW).read(token)).as("another server's key").isEqualTo(new AcknowledgementLinks.Reading.Forged());
        int inMac = token.indexOf('.') + 5; // not the last character, whose lowest bits Base64 leaves unused
        char changed = token.charAt(inMac) == 'A' ? 'B' : 'A';
        assertThat(links(KEY, NOW).read(token.substring(0, inMac) + changed + token.substring(inMac + 1)))
                .as("one character of the signature changed").isEqualTo(new AcknowledgementLinks.Reading.Forged());
    }

    @Test
    void aLinkCutShortIsNotALinkAtAll() {
        String token = token(links(KEY, NOW).link("DL-7f3a", EXPIRES, Language.ENGLISH));

        assertThat(links(KEY, NOW).read(token.substring(0, token.length() - 5))).isEqualTo(new AcknowledgementLinks.Reading.Malformed());
        assertThat(links(KEY, NOW).read("")).isEqualTo(new AcknowledgementLinks.Reading.Malformed());
        assertThat(links(KEY, NOW).read("<script>")).isEqualTo(new AcknowledgementLinks.Reading.Malformed());
    }

    private static AcknowledgementLinks links(byte[] key, Instant now) {
        return new AcknowledgementLinks(key, URI.create("https://forewarn.example.org/"), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String token(URI link) {
        String path = link.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
