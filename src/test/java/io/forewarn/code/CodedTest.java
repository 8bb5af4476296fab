package io.forewarn.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodedTest {

    /** Declared out of alphabetical order, so that the message's order is seen to be the declaration's. */
    enum Colour implements Coded {
        RED, GREEN, DARK_BLUE;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record Size(String code) implements Coded {
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark-blue", " dark-blue", "dark-blue\t", "\n dark-blue \r\n", "Dark-Blue", "DARK-BLUE",
            " Dark-BLUE  ", "\u2003dark-blue\u2003"})
    void aCodeIsReadStrippedOfSurroundingWhiteSpaceAndIgnoringCase(String text) {
        assertThat(Coded.of(Colour.class, "colour", text)).isEqualTo(Colour.DARK_BLUE);
    }

    @Test
    void whiteSpaceOrPunctuationInsideACodeIsNotForgiven() {
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "dark blue")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "dark_blue")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "darkblue")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownCodeIsRefusedInTheOneShapeWithTheCodesInDeclarationOrder() {
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "purple"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown colour 'purple'; expected one of: red, green, dark-blue");
    }

    @Test
    void theMessageEchoesTheTextAsGivenNotAsNormalized() {
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", " Purple "))
                .hasMessage("unknown colour ' Purple '; expected one of: red, green, dark-blue");
    }

    @Test
    void nullAndBlankAreUnknownCodes() {
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", null))
                .hasMessage("unknown colour 'null'; expected one of: red, green, dark-blue");
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "  "))
                .hasMessage("unknown colour '  '; expected one of: red, green, dark-blue");
    }

    @Test
    void theEchoStaysOnOneLineAndShort() {
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "red\nSet-Cookie: x\u0000\u202e"))
                .hasMessage("unknown colour 'red\\nSet-Cookie: x\\u0000\\u202e'; expected one of: red, green, dark-blue");
        assertThatThrownBy(() -> Coded.of(Colour.class, "colour", "x".repeat(1000)))
                .hasMessage("unknown colour '" + "x".repeat(60) + "…'; expected one of: red, green, dark-blue");
    }

    @Test
    void aListOfValuesThatAreNotAnEnumIsReadByTheSameRule() {
        List<Size> sizes = List.of(new Size("small"), new Size("large"));

        assertThat(Coded.of("size", sizes, " LARGE ")).isSameAs(sizes.get(1));
        assertThatThrownBy(() -> Coded.of("size", sizes, "medium"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown size 'medium'; expected one of: small, large");
    }

    @Test
    void theRuleAndTheListAreThereForReadersThatWordTheirOwnRefusal() {
        assertThat(Coded.normalized("  Dark-Blue\t")).isEqualTo("dark-blue");
        assertThat(Coded.normalized(null)).isEmpty();
        assertThat(Coded.listed(List.of(Colour.values()))).isEqualTo("red, green, dark-blue");
    }
}
