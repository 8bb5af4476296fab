package io.forewarn.web;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import io.forewarn.OutsideTheRepository;
import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapReader;
import io.forewarn.dissemination.cap.CapSignature;
import io.forewarn.server.CapKeyFiles;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public alerts through the real server, with no login: the Crocus warning to the Moscow public as a signed CAP
 * 1.2 document (valid by the OASIS schema, verified against the server's {@code cap.pub}, cached by its entity
 * tag), in the Atom feed (valid by the RFC 4287 RELAX NG schema, linking the CAP document) and as an advisory
 * page; the warning to the venue's operator is not public and is not found; nothing protected in any of them.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicAlertsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @Test
    void aPublicWarningIsPublishedAsSignedCapInTheFeedAndAsAPage() throws Exception {
        Path standards = OutsideTheRepository.sharedFolder("standards", PublicAlertsTest.class);
        for (String party : Reports.CROCUS_PARTIES) {
            // the Moscow public reads Russian: its alert carries an info block in each language
            String posted = party.contains("\"public-moscow\"") ? party.replace("\"audience\": \"public\"",
                    "\"audience\": \"public\", \"languages\": [\"ru\"]") : party;
            assertThat(Http.post(port, "analyst", "/api/v1/parties", "application/json", posted).status()).isEqualTo(201);
        }
        assertThat(Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1")).status()).isEqualTo(201);
        String publicWarning = issue("public");
        String venueWarning = issue("venue-operator");

        Reply cap = Http.get(port, null, "/cap/" + publicWarning + ".xml");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.contentType()).isEqualTo("application/cap+xml");
        assertThat(cap.header("Cache-Control")).contains("max-age=60, public");
        byte[] document = cap.body().getBytes(StandardCharsets.UTF_8);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(standards.resolve("cap1.2/cap12.xsd").toFile())
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        assertThat(CapSignature.verify(document, Optional.of(CapKeyFiles.readPublic(ServerUnderTest.DATA.resolve("cap.pub")))))
                .isNotNull();
        List<CapAlert.Info> infos = CapReader.read(document).infos();
        assertThat(infos).extracting(CapAlert.Info::language).containsExactly("en", "ru");
        assertThat(infos.get(0).areas().get(0).description()).isEqualTo("Moscow, Moscow Oblast, RU");
        assertThat(infos.get(1).description().orElseThrow()).containsPattern("\\p{IsCyrillic}{4,}")
                .isNotEqualTo(infos.get(0).description().orElseThrow());
        String etag = cap.header("ETag").orElseThrow();
        assertThat(Http.get(port, null, "/cap/" + publicWarning + ".xml", "If-None-Match", etag).status()).isEqualTo(304);

        Reply feed = Http.get(port, null, "/feeds/warnings.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).isEqualTo("application/atom+xml");
        assertThat(relaxNgProblems(standards.resolve("atom/atom_rfc4287.rng"), feed.body())).isEmpty();
        assertThat(relaxNgProblems(standards.resolve("atom/atom_rfc4287.rng"), feed.body().replaceFirst("<id>[^<]*</id>", "")))
                .as("the schema finds a feed without its id").isNotEmpty();
        assertThat(feed.body()).contains("<link href=\"http://127.0.0.1:" + port + "/cap/" + publicWarning
                + ".xml\" rel=\"alternate\" type=\"application/cap+xml\"/>")
                .doesNotContain(venueWarning);
        assertThat(Http.get(port, null, "/feeds/warnings.atom", "If-None-Match", feed.header("ETag").orElseThrow()).status())
                .isEqualTo(304);

        Reply page = Http.get(port, null, "/advisories/" + publicWarning);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<h1>Threat to life: Moscow, Moscow Oblast, RU</h1>").contains("Security alert: credible threat to life.");

        for (String path : List.of("/cap/" + venueWarning + ".xml", "/advisories/" + venueWarning, "/cap/W-nothing.xml")) {
            Reply absent = Http.get(port, null, path);
            assertThat(absent.status()).as(path).isEqualTo(404);
            assertThat(absent.contentType()).startsWith("application/problem+json");
        }
        for (Reply reply : List.of(cap, feed, page)) {
            for (String secret : Reports.PROTECTED) {
                assertThat(reply.body()).doesNotContainIgnoringCase(secret);
            }
        }
    }

    /** A draft for the audience, approved and issued; the warning's id. */
    private String issue(String audience) {
        Reply draft = Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"" + audience + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().path("id").asString();
        assertThat(Http.post(port, "approver", "/api/v1/drafts/" + id + "/approve", null, (String) null).status()).isEqualTo(200);
        Reply issued = Http.post(port, "approver", "/api/v1/drafts/" + id + "/issue", null, (String) null);
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        return issued.json().path("id").asString();
    }

    static List<String> relaxNgProblems(Path schema, String document) throws Exception {
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        // the schema file is in RELAX NG's compact syntax (RFC 4287, appendix B), whatever its name says
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile()))).as("the Atom schema loads").isTrue();
        driver.validate(new InputSource(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
        return problems;
    }
}
