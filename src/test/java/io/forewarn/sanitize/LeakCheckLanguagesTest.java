package io.forewarn.sanitize;

import io.forewarn.Crocus;
import io.forewarn.language.Language;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check reads the text in every language, Persian's Arabic script folded too. */
class LeakCheckLanguagesTest {

    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Audience PUBLIC = new Audience("public");
    private static final Sanitizer SANITIZER = new Sanitizer(Crocus.MOSCOW);
    private static final List<Language> RU_FA = List.of(Language.of("ru"), Language.of("fa"));

    @Test
    void aTermThatShowsOnlyInTheRussianTextBlocksTheDraft() {
        // the English text says "Russia"; only the Russian one writes the country as "Россия"
        Draft draft = draft(protect(Crocus.R1_UNMARKED, "Россия"), RU_FA);

        assertThat(draft.text()).contains("Russia").doesNotContain("Россия");
        assertThat(draft.texts().get(Language.of("ru"))).contains("Россия");
        assertThat(draft.leak().isBlocked()).isTrue();
        assertThat(draft.obstacles()).containsExactly("the leak check blocks the text");
        assertThat(draft(protect(Crocus.R1_UNMARKED, "Россия"), List.of()).leak().isBlocked())
                .as("the same draft in English alone").isFalse();
    }

    @Test
    void aProtectedTermSpeltInArabicScriptIsCaught() {
        LeakCheck check = new LeakCheck(new ProtectedMaterial(List.of(), List.of(), List.of("KESTREL LANTERN")), List.of());

        assertThat(check.check("اهداف: \u2068کسترل لنترن\u2069.").isBlocked()).isTrue();
        assertThat(check.check("اهداف: \u2068کِسترِل لَنتِرن\u2069.").isBlocked()).as("with its vowels marked").isTrue();
        assertThat(check.check("اهداف: کنسرت‌ها.").isBlocked()).isFalse();
        assertThat(check.check("Castrol lantern").isBlocked()).as("Latin text is not read by its consonants alone").isFalse();
    }

    @Test
    void aFacetWordedInArabicScriptThatRevealsATermIsSteppedDown() {
        ThreatReport report = protect(withTargetClass(Crocus.R1_UNMARKED, "کسترل لنترن"), "KESTREL LANTERN");

        Draft draft = draft(report, RU_FA);

        assertThat(draft.released().get(Facet.TARGET)).isEqualTo(Facet.TARGET.level("category"));
        assertThat(draft.justifications()).containsEntry(Facet.TARGET, Justification.LEAK_CHECK);
        assertThat(draft.leak().isBlocked()).isFalse();
        assertThat(draft.texts().values()).allSatisfy(text -> assertThat(text).doesNotContain("کسترل"));
    }

    @Test
    void theShippedPersianTextOfTheCrocusCaseIsNotBlockedByItsOwnProtectedMaterial() {
        Draft draft = draft(Crocus.R1, RU_FA);

        assertThat(draft.texts()).hasSize(3);
        assertThat(draft.leak().isBlocked()).isFalse();
    }

    private static Draft draft(ThreatReport report, List<Language> languages) {
        return SANITIZER.draft(report, PUBLIC, POLICY.ceiling(PUBLIC).orElseThrow(), Map.of(), Map.of(), POLICY.advice(),
                languages);
    }

    private static ThreatReport protect(ThreatReport report, String term) {
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                report.window(), report.statements(), report.portions(),
                new ProtectedMaterial(List.of(), List.of(), List.of(term)), report.synthetic());
    }

    private static ThreatReport withTargetClass(ThreatReport report, String words) {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(report.statements());
        Map<Level, String> target = new LinkedHashMap<>(statements.get(Facet.TARGET));
        target.put(Facet.TARGET.level("class"), words);
        statements.put(Facet.TARGET, target);
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                report.window(), statements, report.portions(), report.protectedMaterial(), report.synthetic());
    }
}
