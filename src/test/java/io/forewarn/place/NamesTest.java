package io.forewarn.place;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void caseAndWhiteSpaceDoNotMatter() {
        assertThat(Names.normalise("  Moscow \t Oblast\n")).isEqualTo("moscow oblast");
        assertThat(Names.same("RU", "ru")).isTrue();
    }

    @Test
    void compatibilityFormsAndFullCaseFoldingAreUnified() {
        assertThat(Names.same("ＭＯＳＣＯＷ", "Moscow")).isTrue();
        assertThat(Names.same("Straße", "STRASSE")).isTrue();
        assertThat(Names.same("Москва", "МОСКВА")).isTrue();
        // An ideographic space (U+3000) is white space too.
        assertThat(Names.same("Moscow\u3000Oblast", "Moscow Oblast")).isTrue();
    }

    @Test
    void differentSpellingsRemainDifferentNames() {
        assertThat(Names.same("St Petersburg", "Saint Petersburg")).isFalse();
        assertThat(Names.same("Moskva", "Moscow")).isFalse();
    }
}
