package io.forewarn.text;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the folding's shortcut for ASCII text rests on, and that text beyond ASCII still goes through the rules. */
class TextFoldingTest {

    @Test
    void theTransliterationLeavesEveryAsciiCharacterAsItIsAloneAndInAWord() {
        for (int c = 0; c < 0x80; c++) {
            String alone = Character.toString(c);
            assertThat(TextFolding.transliterated(alone)).as("U+%04X", c).isEqualTo(alone);
            String inWords = "ye" + alone + "sh " + alone + "tsa";
            assertThat(TextFolding.transliterated(inWords)).as("U+%04X in words", c).isEqualTo(inWords);
        }
        String every = IntStream.range(0, 0x80).mapToObj(Character::toString).collect(Collectors.joining());
        assertThat(TextFolding.transliterated(every)).isEqualTo(every);
    }

    @Test
    void textBeyondAsciiIsStillFolded() {
        assertThat(TextFolding.fold("Ｃａｆé ΡΑΝ", TextFolding.Reading.VISUAL)).isEqualTo("cafe pan");
        assertThat(TextFolding.fold("Кобальт", TextFolding.Reading.PHONETIC))
                .isEqualTo(TextFolding.fold("kobalt", TextFolding.Reading.PHONETIC));
    }
}
