package io.forewarn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredibilityTest {

    @Test
    void anAdmiraltyCodeIsParsedIntoReliabilityAndCredibility() {
        Credibility b2 = Credibility.of("B2");

        assertThat(b2.reliability()).isEqualTo('B');
        assertThat(b2.credibility()).isEqualTo(2);
        assertThat(b2.code()).isEqualTo("B2");
        assertThat(b2).hasToString("B2");
        assertThat(Credibility.of(" b2 ")).isEqualTo(b2);
        assertThat(Credibility.of("A1")).isEqualTo(new Credibility('A', 1));
        assertThat(Credibility.of("F6")).isEqualTo(new Credibility('F', 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G7", "A0", "", "B", "B22", "2B", "A7", "G1"})
    void aStringThatIsNotAnAdmiraltyCodeIsRefusedWithAMessage(String code) {
        assertThatThrownBy(() -> Credibility.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + code + "' is not an Admiralty code (A-F then 1-6, e.g. B2)");
    }

    @Test
    void aMissingCodeIsRefusedLikeAnEmptyOne() {
        assertThatThrownBy(() -> Credibility.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an Admiralty code");
    }

    @Test
    void theConstructorRefusesGradesOffTheScales() {
        assertThatThrownBy(() -> new Credibility('G', 2))
                .hasMessage("source reliability must be A to F, not 'G'");
        assertThatThrownBy(() -> new Credibility('A', 0))
                .hasMessage("information credibility must be 1 to 6, not 0");
        assertThatThrownBy(() -> new Credibility('b', 2))
                .hasMessageContaining("source reliability must be A to F");
    }

    @ParameterizedTest(name = "{0} meets {1}: {2}")
    @CsvSource({
            "B2, D4, true",
            "D4, D4, true",
            "A1, D4, true",
            "E2, D4, false",
            "B5, D4, false",
            "E5, D4, false",
            "D4, B2, false",
            "A4, B2, false"})
    void aGradingMeetsAMinimumWhenItIsAtLeastAsGoodOnBothScales(String grading, String minimum, boolean meets) {
        assertThat(Credibility.of(grading).meets(Credibility.of(minimum))).isEqualTo(meets);
    }
}
