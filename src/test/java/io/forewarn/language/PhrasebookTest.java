package io.forewarn.language;

import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhrasebookTest {

    @Test
    void englishRussianAndPersianAreShippedWithTheirDirection() {
        assertThat(List.of("en", "ru", "fa")).allSatisfy(tag -> {
            Phrasebook book = Phrasebook.of(Language.of(tag));
            assertThat(book.language().tag()).isEqualTo(tag);
            assertThat(book.say("advice", Map.of("text", "x"))).contains("x");
        });
        assertThat(Phrasebook.of(Language.of("fa")).direction()).isEqualTo(Phrasebook.Direction.RTL);
        assertThat(Phrasebook.of(Language.of("ru")).name()).isEqualTo("Русский");
    }

    @Test
    void aLanguageWithoutAFileIsRefusedNamingTheFileToAdd() {
        assertThat(Phrasebook.find(Language.of("de"))).isEmpty();
        assertThatThrownBy(() -> Phrasebook.of(Language.of("de")))
                .hasMessage("no warning phrasebook for language de (add src/main/resources/warnings/de.yaml)");
    }

    @Test
    void aBrokenMessageIsRefusedAtItsLineAndColumn() {
        assertThatThrownBy(() -> Phrasebook.of(Language.of("qaa")))
                .isInstanceOf(FileProblem.class)
                .hasMessageStartingWith("classpath:/warnings/qaa.yaml:8:13: messages.headline: not an ICU message");
    }

    @Test
    void aTagIsReadInItsCanonicalCaseAndNothingElseIsATag() {
        assertThat(Language.of(" EN ")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of("pt-br").tag()).isEqualTo("pt-BR");
        assertThatThrownBy(() -> Language.of("english!")).hasMessage("not a BCP 47 language tag (e.g. en, ru, fa, pt-BR)");
        assertThatThrownBy(() -> Language.of("")).hasMessage("not a BCP 47 language tag (e.g. en, ru, fa, pt-BR)");
    }
}
