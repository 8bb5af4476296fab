package io.forewarn.party;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NamedTargetTest {

    static final KnownAs MARA = new KnownAs(List.of("Mara Kestenholz"), List.of(new Identifier("passport", "C01X00T47")));

    @Nested
    class TheSameName {

        @ParameterizedTest
        @ValueSource(strings = {"Mara Kestenholz", "MARA KESTENHOLZ", "mara  kestenholz", "Mára Késtenholz",
                "Мара Кестенхолз", "Mara Kestenholz, a journalist from Berlin", "the journalist Mara Kestenholz"})
        void isTheTargetWhateverTheCaseDiacriticsScriptOrSurroundingWords(String target) {
            Optional<NamedTarget.Match> match = NamedTarget.match(target, MARA);

            assertThat(match).get().extracting(NamedTarget.Match::closeness, NamedTarget.Match::known)
                    .containsExactly(NamedTarget.Closeness.SAME, "Mara Kestenholz");
            assertThat(match.get().reason()).isEqualTo("target: named " + target + " is the party's name Mara Kestenholz");
        }

        @ParameterizedTest
        @ValueSource(strings = {"C01X00T47", "passport C01X 00T47", "holder of c01-x00-t47"})
        void anIdentifierIsTheTargetWhateverItsSeparators(String target) {
            assertThat(NamedTarget.match(target, MARA)).get()
                    .extracting(NamedTarget.Match::closeness, NamedTarget.Match::known, NamedTarget.Match::how)
                    .containsExactly(NamedTarget.Closeness.SAME, "passport:C01X00T47", "the same identifier");
        }

        @Test
        void anotherNameOrAPartOfTheNameIsNotTheTarget() {
            assertThat(NamedTarget.match("Anna Kestenholz", MARA)).isEmpty();
            assertThat(NamedTarget.match("Kestenholz", MARA)).isEmpty();
            assertThat(NamedTarget.match("C01X00T4", MARA)).isEmpty();
        }
    }

    @Nested
    class ANearName {

        @Test
        void theSameWordsInAnotherOrderAreNearNeverTheSame() {
            assertThat(NamedTarget.match("Kestenholz Mara", MARA)).get()
                    .extracting(NamedTarget.Match::closeness, NamedTarget.Match::how)
                    .containsExactly(NamedTarget.Closeness.NEAR, "the same words in another order");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Mara Kestenholtz", "Mara Kestenhlz", "Mara Kestenhloz", "Mara Kestenholc", "Мара Кестенхольц"})
        void oneLetterApartIsNearNeverTheSame(String target) {
            Optional<NamedTarget.Match> match = NamedTarget.match(target, MARA);

            assertThat(match).get().extracting(NamedTarget.Match::closeness, NamedTarget.Match::how)
                    .containsExactly(NamedTarget.Closeness.NEAR, "one letter apart");
            assertThat(match.get().reason()).isEqualTo("target: named " + target
                    + " is near the party's name Mara Kestenholz (one letter apart)");
        }

        @Test
        void shortNamesAreNeverNearByOneLetter() {
            KnownAs ivan = new KnownAs(List.of("Ivan"), List.of());

            assertThat(NamedTarget.match("Ivan", ivan)).get().extracting(NamedTarget.Match::closeness)
                    .isEqualTo(NamedTarget.Closeness.SAME);
            assertThat(NamedTarget.match("Iван", ivan)).get().extracting(NamedTarget.Match::closeness)
                    .isEqualTo(NamedTarget.Closeness.SAME);
            assertThat(NamedTarget.match("Ivar", ivan)).isEmpty();
        }

        @Test
        void twoLettersApartIsNotNear() {
            assertThat(NamedTarget.match("Mira Kestenholtz", MARA)).isEmpty();
        }
    }

    @Nested
    class TheIndexKeys {

        @ParameterizedTest
        @ValueSource(strings = {"Mara Kestenholz", "Мара Кестенхолз", "passport C01X00T47", "Kestenholz Mara",
                "Mara Kestenholtz", "Mara Kestenholc", "the journalist Mara Kestenholz of Berlin"})
        void aTargetThatMatchesLooksUpAKeyThePartyIsFiledUnder(String target) {
            assertThat(NamedTarget.match(target, MARA)).isPresent();
            assertThat(NamedTarget.lookups(target)).containsAnyElementsOf(NamedTarget.keys(MARA));
        }

        @Test
        void aPartyKnownByNothingIsFiledUnderNothing() {
            assertThat(NamedTarget.keys(KnownAs.NOTHING)).isEmpty();
        }
    }
}
