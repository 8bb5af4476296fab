package io.forewarn.party;

import io.forewarn.yaml.FileProblem;
import io.forewarn.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactPointReaderTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PARTY = "{id: p, kind: public, audience: public, area: {country: RU}, contacts: %s}";

    @Test
    void aPartyIsReadWithItsContactPointsInTheirOrder() {
        PartyReader.Contacted read = PartyReader.readContacted(SafeYaml.parse("p.yaml", PARTY.formatted(
                "[{kind: email, address: ops@example.org}, {kind: webhook, address: 'https://example.org/h', secret: "
                        + SECRET + "}, {kind: cap-feed, address: broadcaster}, {kind: liaison, address: the desk}]")));
        assertThat(read.contacts()).containsExactly(new ContactPoint.Email("ops@example.org"),
                new ContactPoint.Webhook(URI.create("https://example.org/h"), SECRET), new ContactPoint.CapFeed("broadcaster"),
                new ContactPoint.Liaison("the desk"));
    }

    @Test
    void aBadContactIsRefusedAtItsPlaceAndASecretIsNeverRepeated() {
        assertThatThrownBy(() -> PartyReader.readContacted(SafeYaml.parse("p.yaml", PARTY.formatted(
                "[{kind: webhook, address: 'https://example.org/h', secret: whsec_c2hvcnQ=}]"))))
                .isInstanceOf(FileProblem.class)
                .hasMessage("p.yaml:1:73: contacts[0]: contact point is invalid: a webhook secret holds 24 to 64 bytes; this one holds 5");
        assertThatThrownBy(() -> PartyReader.readContacted(SafeYaml.parse("p.yaml", PARTY.formatted(
                "[{kind: email, address: ops@example.org, secret: " + SECRET + "}]"))))
                .isInstanceOf(FileProblem.class)
                .hasMessageContaining("unknown key 'secret' (allowed: kind, address)")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> PartyReader.readContacted(SafeYaml.parse("p.yaml", PARTY.formatted("[{kind: pigeon, address: roof}]"))))
                .hasMessageContaining("unknown contact kind 'pigeon' (kinds: email, webhook, cap-feed, liaison)");
    }

    @Test
    void whereNothingWouldKeepContactPointsTheyAreRefusedNotDropped() {
        assertThatThrownBy(() -> PartyReader.read(SafeYaml.parse("p.yaml", PARTY.formatted("[]"))))
                .isInstanceOf(FileProblem.class)
                .hasMessageContaining("unknown key 'contacts'");
        assertThat(PartyReader.readContacted(SafeYaml.parse("p.yaml", "{id: p, kind: public, audience: public, area: {country: RU}}"))
                .contacts()).isEqualTo(List.of());
    }
}
