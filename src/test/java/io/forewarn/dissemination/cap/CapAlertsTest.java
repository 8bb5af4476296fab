package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Delivery;
import io.forewarn.Crocus;
import io.forewarn.OutsideTheRepository;
import io.forewarn.obligation.Warning;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Audience;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.Sanitizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Crocus warning to the Moscow public as a CAP 1.2 alert: valid by the OASIS schema (read from
 * {@code ../shared/standards/cap1.2}), signed so that it verifies and a changed byte does not, graded as the
 * README says, its area no finer than released, and nothing protected in it.
 */
class CapAlertsTest {

    private static final Instant ISSUED = Instant.parse("2024-03-07T19:00:00Z");
    private static KeyPair key;
    private static KeyPair otherKey;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    @Test
    void theWarningToTheMoscowPublicIsAValidSignedCap12Alert() throws Exception {
        Schema schema = schema();
        byte[] signed = CapSignature.signed(alert(publicWarning(), Delivery.Kind.ALERT, List.of()), key);

        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(signed)));
        assertThat(CapSignature.verify(signed, Optional.of(key.getPublic()))).isEqualTo(key.getPublic());
        assertThat(CapSignature.verify(signed, Optional.empty())).isEqualTo(key.getPublic());

        CapAlert read = CapReader.read(signed);
        assertThat(read.version()).isEqualTo("1.2");
        assertThat(read.msgType()).isEqualTo("Alert");
        assertThat(read.scope()).isEqualTo("Public");
        CapAlert.Info info = read.infos().get(0);
        assertThat(info.categories()).containsExactly("Security");
        assertThat(List.of(info.event(), info.urgency(), info.severity(), info.certainty()))
                .containsExactly("Threat to life", "Immediate", "Extreme", "Likely");
        assertThat(info.effective()).contains(Instant.parse("2024-03-07T19:00:00Z").atOffset(java.time.ZoneOffset.UTC));
        assertThat(info.areas()).singleElement().satisfies(area -> {
            assertThat(area.description()).isEqualTo("Moscow, Moscow Oblast, RU");
            assertThat(area.circles()).containsExactly("55.75600,37.61700 40.000");
        });
    }

    @Test
    void aChangedByteOrAnotherKeyFailsTheSignature() {
        byte[] signed = CapSignature.signed(alert(publicWarning(), Delivery.Kind.ALERT, List.of()), key);
        String text = new String(signed, StandardCharsets.UTF_8);
        byte[] changed = text.replace("<severity>Extreme</severity>", "<severity>Minor</severity>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CapSignature.verify(changed, Optional.of(key.getPublic())))
                .isInstanceOf(CapFormatException.class).hasMessage("the signature does not verify: the alert was changed after it was signed");
        assertThatThrownBy(() -> CapSignature.verify(signed, Optional.of(otherKey.getPublic())))
                .isInstanceOf(CapFormatException.class)
                .hasMessage("the signature does not verify: it was not made with this key, or the signature was changed");
        assertThatThrownBy(() -> CapSignature.verify(CapWriter.bytes(alert(publicWarning(), Delivery.Kind.ALERT, List.of())),
                Optional.empty())).isInstanceOf(CapFormatException.class).hasMessage("the document is not signed");
    }

    @Test
    void aRenewalIsAnUpdateThatReferencesTheAlertItRenews() throws Exception {
        CapAlert first = alert(publicWarning(), Delivery.Kind.ALERT, List.of());
        byte[] update = CapSignature.signed(alert(publicWarning(), Delivery.Kind.UPDATE, List.of(first.reference())), key);

        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(update)));
        CapAlert read = CapReader.read(update);
        assertThat(read.msgType()).isEqualTo("Update");
        assertThat(read.references()).containsExactly("alerts@agency.example,W-1,2024-03-07T19:00:00+00:00");
        assertThatThrownBy(() -> alert(publicWarning(), Delivery.Kind.CANCEL, List.of()))
                .hasMessage("a CAP Cancel must reference the alert it follows");
    }

    @Test
    void theAreaIsNeverFinerThanTheReleasedPlace() {
        Warning atRegion = withPlace(publicWarning(), PlaceLevel.REGION);

        CapAlert.Area area = CapAlerts.area(atRegion);

        assertThat(area.description()).isEqualTo("Moscow Oblast, RU");
        assertThat(area.circles()).isEmpty();
        assertThat(area.polygons()).isEmpty();
    }

    @Test
    void nothingProtectedReachesTheAlert() {
        String xml = new String(CapSignature.signed(alert(publicWarning(), Delivery.Kind.ALERT, List.of()), key),
                StandardCharsets.UTF_8);

        var material = Crocus.R1.protectedMaterial();
        List<String> all = java.util.stream.Stream.of(material.terms(), material.sources(), material.methods())
                .flatMap(List::stream).toList();
        assertThat(all).contains("NIGHTJAR");
        for (String term : all) {
            assertThat(xml).doesNotContainIgnoringCase(term);
        }
    }

    @Test
    void certaintyFollowsTheAdmiraltyCredibility() {
        assertThat(List.of("A1", "B2", "C3", "D4", "E5", "F6").stream()
                .map(grade -> CapAlerts.certainty(io.forewarn.report.Credibility.of(grade))).toList())
                .containsExactly("Likely", "Likely", "Possible", "Unlikely", "Unlikely", "Unknown");
        assertThat(CapAlerts.urgency(Optional.empty(), ISSUED)).isEqualTo("Unknown");
        assertThat(CapAlerts.urgency(Optional.of(new TimeWindow(ISSUED.plus(Duration.ofHours(20)), ISSUED.plus(Duration.ofDays(2)))),
                ISSUED)).isEqualTo("Expected");
        assertThat(CapAlerts.urgency(Optional.of(new TimeWindow(ISSUED.plus(Duration.ofDays(3)), ISSUED.plus(Duration.ofDays(4)))),
                ISSUED)).isEqualTo("Future");
    }

    /** The sanitizer's draft of Crocus R1 for the Moscow public, issued as a warning valid for 48 hours. */
    static Warning publicWarning() {
        Audience audience = new Audience("public");
        Draft draft = new Sanitizer(Crocus.MOSCOW).draft(Crocus.R1, audience, Crocus.POLICY.ceiling(audience).orElseThrow());
        return new Warning("W-1", Crocus.R1.id(), audience, List.of("public-moscow"), ISSUED,
                new TimeWindow(ISSUED, ISSUED.plus(Duration.ofHours(48))), draft.released(), draft.releasedPlace(),
                draft.statedWindow(), draft.text(), draft.translations(), 0.5, draft.justifications(), Optional.empty(), false);
    }

    static CapAlert alert(Warning warning, Delivery.Kind kind, List<String> references) {
        return CapAlerts.of(warning, Crocus.R1, "alerts@agency.example", "Forewarn test agency",
                List.of(new CapAlerts.Text("en", warning.text(), Optional.of("Avoid large gatherings; know the exits."))),
                kind, references);
    }

    private static Warning withPlace(Warning warning, PlaceLevel level) {
        return new Warning(warning.id(), warning.reportId(), warning.audience(), warning.partyIds(), warning.issuedAt(),
                warning.validity(), warning.released(), Crocus.R1.place().coarsenedTo(level), warning.statedWindow(), warning.text(),
                warning.translations(), warning.specificity(), warning.justifications(), warning.renews(), warning.recorded());
    }

    static Schema schema() throws SAXException, IOException {
        Path xsd = OutsideTheRepository.sharedFolder("standards/cap1.2", CapAlertsTest.class).resolve("cap12.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the CAP schema imports nothing; the signature element is validated laxly (xs:any namespace="##other")
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd.toFile());
    }
}
