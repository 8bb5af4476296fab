package io.forewarn.dissemination.cap;

import io.forewarn.OutsideTheRepository;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CAP reader as a receiver must be: it reads the shipped examples of other senders in CAP 1.1 and 1.2
 * ({@code ../shared/standards/cap1.2/examples}), refuses the invalid one saying what is missing, and expands
 * no entity: neither an external one (XXE) nor nested ones ("billion laughs").
 */
class CapReaderTest {

    @Test
    void theShippedExamplesReadInBothVersions() throws Exception {
        Path examples = OutsideTheRepository.sharedFolder("standards/cap1.2/examples", CapReaderTest.class);

        CapAlert australia = CapReader.read(Files.readAllBytes(examples.resolve("australia.cap")));
        CapAlert earthquake = CapReader.read(Files.readAllBytes(examples.resolve("earthquake.cap")));
        CapAlert minimal = CapReader.read(Files.readAllBytes(examples.resolve("no_optional_fields.cap")));
        CapAlert weather = CapReader.read(Files.readAllBytes(examples.resolve("weather.cap")));

        assertThat(australia.version()).isEqualTo("1.2");
        assertThat(australia.identifier()).isEqualTo("tag:www.rfs.nsw.gov.au2011-10-06:40184");
        assertThat(australia.sender()).isEqualTo("webmaster@rfs.nsw.gov.au");
        assertThat(australia.infos().get(0).language()).isEqualTo("en-AU");
        assertThat(australia.infos().get(0).categories()).containsExactly("Fire", "Met");
        assertThat(earthquake.version()).isEqualTo("1.1");
        assertThat(minimal.version()).isEqualTo("1.1");
        assertThat(weather.version()).isEqualTo("1.1");
        assertThat(earthquake.infos()).isNotEmpty();
        assertThat(earthquake.infos().get(0).areas()).isNotEmpty();
    }

    @Test
    void theInvalidExampleIsRefusedNamingWhatIsMissing() throws Exception {
        Path examples = OutsideTheRepository.sharedFolder("standards/cap1.2/examples", CapReaderTest.class);

        assertThatThrownBy(() -> CapReader.read(Files.readAllBytes(examples.resolve("invalid.cap"))))
                .isInstanceOf(CapFormatException.class).hasMessage("<alert> has no <scope>, which CAP requires");
    }

    @Test
    void anExternalEntityIsNeverRead(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "NIGHTJAR");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE alert [<!ENTITY secret SYSTEM "%s">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> CapReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapFormatException.class)
                .hasMessage("a CAP document may not declare a DOCTYPE (no entities are accepted)")
                .hasMessageNotContaining("NIGHTJAR");
    }

    @Test
    void nestedEntitiesAreNeverExpanded() {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE alert [" + entities
                + "]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&a9;</identifier></alert>";

        assertThatThrownBy(() -> CapReader.read(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapFormatException.class)
                .hasMessage("a CAP document may not declare a DOCTYPE (no entities are accepted)");
    }

    @Test
    void aDocumentThatIsNotCapIsRefusedSayingWhatItIs() {
        assertThatThrownBy(() -> CapReader.read("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapFormatException.class)
                .hasMessage("not a CAP 1.1 or 1.2 alert: the root element is {http://www.w3.org/2005/Atom}feed");
        assertThatThrownBy(() -> CapReader.read("<alert".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapFormatException.class).hasMessageStartingWith("not well-formed XML: ");
    }
}
