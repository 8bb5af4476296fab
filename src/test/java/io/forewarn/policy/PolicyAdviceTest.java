package io.forewarn.policy;

import io.forewarn.language.Language;
import io.forewarn.report.Harm;
import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy's protective advice per threat kind, in each language, and how a threat finds its advice. */
class PolicyAdviceTest {

    private static final Policy DEFAULT = PolicyFile.defaultPolicy();

    private static final String WITHOUT_ADVICE = """
            version: 3
            harms: [killing]
            min-credibility: D4
            deadlines: {imminent: PT4H, default: PT24H}
            audiences:
              public: {place: locality, time: day, target: class, method: generic, actor: type}
            validity: P7D
            renewal: {before-expiry: PT6H}
            escalation: [approver]
            waivers: {}
            """;

    @Test
    void aMassCasualtyThreatToGatheringsIsToldToAvoidThemAndKnowTheExitsInEveryShippedLanguage() {
        Advice advice = Advice.first(DEFAULT.advice(), Harm.KILLING, List.of("mass gatherings")).orElseThrow();

        assertThat(advice.in(Language.ENGLISH)).startsWith("avoid large gatherings, concerts and shopping centres; know the exits");
        assertThat(advice.in(Language.of("ru"))).startsWith("избегайте массовых мероприятий, концертов и торговых центров");
        assertThat(advice.in(Language.of("fa"))).startsWith("از تجمعات بزرگ، کنسرت‌ها و مراکز خرید دوری کنید");
    }

    @Test
    void eachThreatKindFindsItsOwnAdviceAndAnyOtherTheGeneralAdvice() {
        assertThat(Advice.first(DEFAULT.advice(), Harm.SERIOUS_BODILY_INJURY, List.of("Concert Halls")).orElseThrow()
                .in(Language.ENGLISH)).startsWith("avoid large gatherings");
        assertThat(Advice.first(DEFAULT.advice(), Harm.KIDNAPPING, List.of("mass gatherings")).orElseThrow()
                .in(Language.ENGLISH)).startsWith("vary your routes and times");
        assertThat(Advice.first(DEFAULT.advice(), Harm.KILLING, List.of("synagogues")).orElseThrow()
                .in(Language.ENGLISH)).startsWith("stay alert, follow the instructions of the local authorities");
        assertThat(Advice.first(DEFAULT.advice(), Harm.KILLING, List.of()).orElseThrow()
                .in(Language.ENGLISH)).as("a target held back chooses no target's advice").startsWith("stay alert");
    }

    @Test
    void aLanguageTheAdviceIsNotWrittenInGetsTheEnglish() {
        Advice advice = Advice.first(DEFAULT.advice(), Harm.KILLING, List.of("mass gatherings")).orElseThrow();
        assertThat(advice.in(Language.of("de"))).isEqualTo(advice.in(Language.ENGLISH));
    }

    @Test
    void aPolicyWrittenBeforeAdviceStillLoadsWithNone() {
        assertThat(PolicyFile.parse("old.yaml", WITHOUT_ADVICE).advice()).isEmpty();
    }

    @Test
    void adviceWithoutEnglishOrWithAnUnknownKeyOrLanguageIsRefusedWhereItIs() {
        assertThatThrownBy(() -> PolicyFile.parse("p.yaml", WITHOUT_ADVICE + "advice:\n  - text: {ru: будьте бдительны}\n"))
                .isInstanceOf(FileProblem.class)
                .hasMessage("p.yaml:12:11: advice[0].text: advice needs its English text (en); the other languages are optional");
        assertThatThrownBy(() -> PolicyFile.parse("p.yaml", WITHOUT_ADVICE + "advice:\n  - {text: {en: x}, harm: killing}\n"))
                .isInstanceOf(FileProblem.class).hasMessageStartingWith("p.yaml:12:");
        assertThatThrownBy(() -> PolicyFile.parse("p.yaml", WITHOUT_ADVICE + "advice:\n  - text: {en: x, 'e n': y}\n"))
                .isInstanceOf(FileProblem.class).hasMessageContaining("not a BCP 47 language tag");
    }

    @Test
    void adviceInALanguageNoWarningIsWrittenInIsRefusedAtItsTag() {
        assertThatThrownBy(() -> PolicyFile.parse("p.yaml", WITHOUT_ADVICE + "advice:\n  - text: {en: x, de: y}\n"))
                .isInstanceOf(FileProblem.class)
                .hasMessage("p.yaml:12:19: advice[0].text: no warning phrasebook for language de (add src/main/resources/warnings/de.yaml)");
    }
}
