package io.forewarn.party;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactPointTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void anEmailAddressIsKeptStrippedAndOthersAreRefusedByName() {
        assertThat(new ContactPoint.Email("  duty@crocus.example ").address()).isEqualTo("duty@crocus.example");
        assertThatThrownBy(() -> new ContactPoint.Email("duty at crocus"))
                .hasMessage("not an email address: duty at crocus");
    }

    @Test
    void aWebhookSecretIsWhsecAndBase64OfTwentyFourToSixtyFourBytes() {
        ContactPoint.Webhook hook = new ContactPoint.Webhook(URI.create("https://hooks.example/forewarn"), SECRET);
        assertThat(hook.key()).hasSize(32);
        assertThatThrownBy(() -> new ContactPoint.Webhook(URI.create("https://hooks.example"), "secret"))
                .hasMessageContaining("starts with whsec_");
        assertThatThrownBy(() -> new ContactPoint.Webhook(URI.create("https://hooks.example"),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .hasMessage("a webhook secret holds 24 to 64 bytes; this one holds 8");
        assertThatThrownBy(() -> new ContactPoint.Webhook(URI.create("ftp://hooks.example"), SECRET))
                .hasMessageContaining("http or https");
    }

    @Test
    void aWebhookPrintedNeverShowsItsSecret() {
        ContactPoint.Webhook hook = new ContactPoint.Webhook(URI.create("https://hooks.example/forewarn"), SECRET);
        assertThat(hook.toString()).doesNotContain(SECRET.substring(6)).contains("https://hooks.example/forewarn");
    }

    @Test
    void liaisonAndFeedContactsNameWhoReadsThem() {
        assertThat(new ContactPoint.Liaison(" RU desk ").address()).isEqualTo("RU desk");
        assertThat(new ContactPoint.CapFeed("Channel One").kind()).isEqualTo("cap-feed");
        assertThatThrownBy(() -> new ContactPoint.Liaison(" ")).hasMessageContaining("names its officer");
    }
}
