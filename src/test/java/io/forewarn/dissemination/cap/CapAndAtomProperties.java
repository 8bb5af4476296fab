package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Delivery;
import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Disguise;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.Justification;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.ProtectedReports;
import io.forewarn.sanitize.Sanitizer;
import org.junit.jupiter.api.Test;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Issue 13, "Must show": for generated reports with protected material, disguised every way the leak check knows and
 * drafted in every shipped language, no CAP document and no Atom feed carries a protected term, and no CAP area is
 * finer than the place the warning released, which is never finer than the audience's ceiling.
 */
class CapAndAtomProperties {

    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Sanitizer SANITIZER = new Sanitizer(ZoneId.of("Europe/Moscow"));
    private static final List<Language> LANGUAGES = List.of(Language.of("ru"), Language.of("fa"));
    private static final Instant ISSUED = ProtectedReports.RECEIVED.plus(Duration.ofHours(1));
    private static final URI FEED = URI.create("https://alerts.agency.example/feeds/warnings.atom");
    /** The audiences CAP is published for. */
    private static final List<Audience> PUBLIC = List.of(new Audience("public"), new Audience("own-citizens"));
    private static final List<Level> PLACE_LEVELS = Facet.PLACE.ladder();

    @Test
    void noCapDocumentOrAtomFeedCarriesAProtectedTerm() {
        qt().withExamples(60).withGenerateAttempts(100)
                .forAll(ProtectedReports.terms(), Disguise.any(), ProtectedReports.placements())
                .checkAssert((term, disguise, placement) -> {
                    ThreatReport report = ProtectedReports.report(term, disguise.apply(term), placement);
                    LeakCheck leakCheck = LeakCheck.forReport(report);
                    for (Audience audience : PUBLIC) {
                        CapAlert alert = alert(report, audience, Map.of());
                        String cap = new String(CapWriter.bytes(alert), StandardCharsets.UTF_8);
                        String feed = new String(CapFeed.write(FEED, "Warnings in force", "Test agency",
                                List.of(new CapFeed.Entry(alert, URI.create("https://alerts.agency.example/cap/W-P.xml"),
                                        URI.create("https://alerts.agency.example/advisories/W-P"))),
                                ISSUED.atOffset(ZoneOffset.UTC)), StandardCharsets.UTF_8);
                        for (String document : List.of(cap, feed)) {
                            assertThat(document.toLowerCase(Locale.ROOT)).doesNotContain(term);
                            // each text as a reader meets it, one element's text or one attribute at a time: the leak
                            // check reads Arabic script without its vowels, so the markup of a whole document read that
                            // way would find "crcl" of <circle> in a term "cracla"
                            for (String text : texts(document)) {
                                assertThat(leakCheck.check(text).isBlocked())
                                        .as("%s for %s, term %s as %s: %s", document == cap ? "CAP" : "Atom", audience, term,
                                                disguise.apply(term), text)
                                        .isFalse();
                            }
                        }
                        assertThat(alert.infos()).extracting(CapAlert.Info::language).containsExactly("en", "ru", "fa");
                    }
                });
    }

    @Test
    void noCapAreaIsFinerThanThePlaceReleasedNorThatFinerThanTheCeiling() {
        qt().withExamples(60).withGenerateAttempts(100)
                .forAll(ProtectedReports.terms(), ProtectedReports.placements(), integers().between(0, PLACE_LEVELS.size() - 1))
                .checkAssert((term, placement, asked) -> {
                    ThreatReport report = ProtectedReports.report(term, term, placement);
                    for (Audience audience : PUBLIC) {
                        ReleaseCeiling ceiling = POLICY.ceiling(audience).orElseThrow();
                        Level requested = PLACE_LEVELS.get(asked);
                        Draft draft = draft(report, audience, Map.of(Facet.PLACE, requested));
                        CapAlert alert = alert(report, audience, Map.of(Facet.PLACE, requested));
                        Level released = draft.released().get(Facet.PLACE);

                        assertThat(released.isMoreSpecificThan(ceiling.of(Facet.PLACE))).as("released %s", released).isFalse();
                        String cap = new String(CapWriter.bytes(alert), StandardCharsets.UTF_8);
                        // the site's circle is finer than any public ceiling: its centre never appears
                        assertThat(cap).doesNotContain(String.valueOf(ProtectedReports.SITE.centre().lat()));
                        CapAlert.Area area = alert.infos().get(0).areas().get(0);
                        boolean locality = ThreatReport.placeLevel(released).orElse(null) == PlaceLevel.LOCALITY;
                        assertThat(area.circles()).as("circles of an area released at %s", released)
                                .hasSize(locality ? 1 : 0);
                        if (locality) {
                            assertThat(area.circles().get(0)).isEqualTo("56.85870,35.91760 15.000");
                        }
                    }
                });
    }

    /** Every element's own text and every attribute value of an XML document, each apart. */
    private static List<String> texts(String document) {
        List<String> texts = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(document))).getDocumentElement();
            collect(root, texts);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage(), e);
        }
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
            texts.add(node.getNodeValue());
        }
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                texts.add(node.getAttributes().item(i).getNodeValue());
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, texts);
        }
    }

    private static Draft draft(ThreatReport report, Audience audience, Map<Facet, Level> requested) {
        Map<Facet, Justification> why = requested.isEmpty() ? Map.of() : Map.of(Facet.PLACE, Justification.SOURCES_AND_METHODS);
        return SANITIZER.draft(report, audience, POLICY.ceiling(audience).orElseThrow(), requested, why, POLICY.advice(),
                LANGUAGES);
    }

    private static CapAlert alert(ThreatReport report, Audience audience, Map<Facet, Level> requested) {
        Draft draft = draft(report, audience, requested);
        Warning warning = new Warning("W-P", report.id(), audience, List.of("public-tver"), ISSUED,
                new TimeWindow(ISSUED, ISSUED.plus(POLICY.validity())), draft.released(), draft.releasedPlace(),
                draft.statedWindow(), draft.text(), draft.translations(), 0.5, draft.justifications(), Optional.empty(), false);
        List<CapAlerts.Text> texts = warning.texts().entrySet().stream()
                .map(text -> new CapAlerts.Text(text.getKey().tag(), text.getValue(), Optional.empty())).toList();
        return CapAlerts.of(warning, report, "alerts@agency.example", "Test agency", texts, Delivery.Kind.ALERT, List.of());
    }
}
