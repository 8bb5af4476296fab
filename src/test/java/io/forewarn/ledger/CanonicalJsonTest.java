package io.forewarn.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.forewarn.ledger.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalJsonTest {

    /** The sample object of RFC 8785 §3.2.2 (serialization). */
    static final String RFC_SERIALIZATION_SAMPLE = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
              "literals": [null, true, false]
            }""";

    /** The sample object of RFC 8785 §3.2.3 (sorting of member names). */
    static final String RFC_SORTING_SAMPLE = """
            {
              "\\u20ac": "Euro Sign",
              "\\r": "Carriage Return",
              "\\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\\ud83d\\ude00": "Emoji: Grinning Face",
              "\\u0080": "Control",
              "\\u00f6": "Latin Small Letter O With Diaeresis"
            }""";

    /** The example of RFC 8785 §3.2, with the canonical form and the UTF-8 bytes the RFC gives for it. */
    @Test
    void rfc8785SerializationExample() {
        String input = RFC_SERIALIZATION_SAMPLE;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        String canonical = CanonicalJson.canonicalize(input);

        assertThat(canonical).isEqualTo(expected);
        assertThat(hex(canonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(""
                + "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c"
                + "226e756d62657273223a5b3333333333333333332e333333333333332c31"
                + "652b33302c342e352c302e3030322c31652d32375d2c22737472696e6722"
                + "3a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d");
    }

    /** RFC 8785 §3.2.3: member names sorted as UTF-16 code units, so the emoji (a surrogate pair) sorts before U+FB33. */
    @Test
    void rfc8785SortingExample() {
        String input = RFC_SORTING_SAMPLE;

        assertThat(CanonicalJson.canonicalize(input)).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785NumberExamples(String bits, String canonical) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.write(value)).isEqualTo(canonical);
    }

    /** Layout boundaries and roundings, with the text Node.js's Number.prototype.toString gives. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1e21, 1e+21",
            "1e20, 100000000000000000000",
            "123456789012345678901, 123456789012345680000",
            "1e-6, 0.000001",
            "1e-7, 1e-7",
            "1.5e-7, 1.5e-7",
            "123e-20, 1.23e-18",
            "0.30000000000000004, 0.30000000000000004",
            "9007199254740994, 9007199254740994",
            "-1.5, -1.5",
            "100, 100",
            "0.3333333333333333, 0.3333333333333333",
            "4.35, 4.35",
            "12.50, 12.5",
            "1e301, 1e+301"
    })
    void ecmaScriptNumberLayout(double value, String canonical) {
        assertThat(CanonicalJson.write(value)).isEqualTo(canonical);
    }

    @Test
    void nonFiniteNumbersHaveNoJsonForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Double.POSITIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[1e400]"));
    }

    @Test
    void integersAndDecimalsAreWrittenOnlyIfTheyStayTheSameNumber() {
        assertThat(CanonicalJson.write(List.of(0, -7, 42L, (short) 3, (byte) -1))).isEqualTo("[0,-7,42,3,-1]");
        assertThat(CanonicalJson.write(9_007_199_254_740_992L)).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.write(new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(CanonicalJson.write(new BigDecimal("0.1"))).isEqualTo("0.1");
        assertThat(CanonicalJson.write(new BigDecimal("-2.5E-3"))).isEqualTo("-0.0025");
        assertThat(CanonicalJson.write(new BigDecimal("1E+30"))).isEqualTo("1e+30");
        assertThat(CanonicalJson.write(BigInteger.TEN.pow(21))).isEqualTo("1e+21");
        assertThat(CanonicalJson.write(-0.0)).isEqualTo("0");

        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(9_007_199_254_740_993L))
                .withMessageContaining("record it as a string");
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Long.MIN_VALUE));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(new BigDecimal("0.1000000000000000000001")));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(BigInteger.TWO.pow(60)));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(new BigDecimal("1E+400")));
    }

    /** JSON text follows RFC 8785 to the letter: a number is the nearest double, even where that changes it. */
    @Test
    void numbersInJsonTextAreReadAsDoubles() {
        assertThat(CanonicalJson.canonicalize("[9007199254740993, 1.0, -0, 1E2, 0.1000000000000000000001]"))
                .isEqualTo("[9007199254740992,1,0,100,0.1]");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControls() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }

        assertThat(CanonicalJson.write(controls.toString())).isEqualTo("\""
                + "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
                + "\"");
        assertThat(CanonicalJson.write("say \"hi\" \\ / \u007f \u2028 <>&'"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ / \u007f \u2028 <>&'\"");
    }

    @Test
    void nonAsciiIsWrittenAsUtf8NotEscaped() {
        String text = "Крокус Сити Холл — €5 😀";

        assertThat(CanonicalJson.write(text)).isEqualTo("\"" + text + "\"");
        assertThat(hex(CanonicalJson.bytes("€"))).isEqualTo("22e282ac22");
        assertThat(hex(CanonicalJson.bytes("😀"))).isEqualTo("22f09f988022");
        assertThat(CanonicalJson.canonicalize("\"\\u041a\\ud83d\\ude00\"")).isEqualTo("\"К😀\"");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write("a\ud83d"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write("\ude00a"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write("\ud83d\ud83d\ude00"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"\\ud800\":1}"));
    }

    @Test
    void nestedStructuresAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of());
        inner.put("a", Map.of());
        inner.put("B", null);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "warning-issued");
        event.put("parties", List.of(Map.of("id", "us-citizens-ru", "ack", false), "public-moscow"));
        event.put("detail", inner);
        event.put("validFor", 48);
        event.put("specificity", new BigDecimal("0.45"));

        assertThat(CanonicalJson.write(event)).isEqualTo("{\"detail\":{\"B\":null,\"a\":{},\"z\":[]},"
                + "\"parties\":[{\"ack\":false,\"id\":\"us-citizens-ru\"},\"public-moscow\"],"
                + "\"specificity\":0.45,\"type\":\"warning-issued\",\"validFor\":48}");
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String once = CanonicalJson.canonicalize(" { \"b\" : [ 1 , 2.50 , \"\\u00e9\" ] , \"a\" : { \"y\" : true , \"x\" : null } } ");

        assertThat(once).isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2.5,\"é\"]}");
        assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
    }

    @Test
    void refusesWhatIsNotIJson() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1} x"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[NaN]"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{'a':1}"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of(1, "one")));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(1.5f));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(new Object()));
    }
}
