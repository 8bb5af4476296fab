package io.forewarn.ledger;

import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CanonicalJson} held byte for byte against RFC 8785's reference implementation
 * ({@code org.erdtman.jcs}, by one of the RFC's authors): first over the RFC's own examples, then
 * over JSON values generated from seeded randomness, each written as JSON text the long way round
 * (members shuffled, whitespace, needless escapes, numbers in Java's or in exact decimal notation).
 */
class CanonicalJsonReferenceTest {

    @Test
    void rfcSamplesCanonicalizeAsTheReferenceDoes() throws IOException {
        for (String sample : List.of(CanonicalJsonTest.RFC_SERIALIZATION_SAMPLE, CanonicalJsonTest.RFC_SORTING_SAMPLE)) {
            assertThat(CanonicalJson.canonicalize(sample).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new JsonCanonicalizer(sample).getEncodedUTF8());
        }
    }

    /**
     * The numbers of the §3.2.2 sample given as Java decimals rather than read as doubles: the one
     * with more digits than a double holds is refused (the ledger would silently store another
     * number); the others are written as the reference writes the double they denote.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "333333333.33333329, refused",
            "1E30, 1e+30",
            "4.50, 4.5",
            "2e-3, 0.002",
            "0.000000000000000000000000001, 1e-27"
    })
    void rfcSampleNumbersAsDecimals(String decimal, String canonical) throws IOException {
        BigDecimal value = new BigDecimal(decimal);
        if (canonical.equals("refused")) {
            assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(value))
                    .withMessageContaining("would change as a JSON (double) number");
        } else {
            assertThat(CanonicalJson.write(value)).isEqualTo(canonical)
                    .isEqualTo(NumberToJSON.serializeNumber(value.doubleValue()));
        }
    }

    /**
     * RFC 8785 Appendix B: each IEEE 754 double (as its bits) and its canonical text. The third
     * column says what CanonicalJson makes of the double's exact binary value given as a decimal:
     * {@code text} if it is written as that text, {@code refused} if the canonical text is
     * another number than the exact value (CanonicalJson keeps exact decimals exact).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0, text",
            "8000000000000000, 0, text",
            "0000000000000001, 5e-324, refused",
            "8000000000000001, -5e-324, refused",
            "7fefffffffffffff, 1.7976931348623157e+308, refused",
            "ffefffffffffffff, -1.7976931348623157e+308, refused",
            "4340000000000000, 9007199254740992, text",
            "c340000000000000, -9007199254740992, text",
            "4430000000000000, 295147905179352830000, refused",
            "44b52d02c7e14af5, 9.999999999999997e+22, refused",
            "44b52d02c7e14af6, 1e+23, refused",
            "44b52d02c7e14af7, 1.0000000000000001e+23, refused",
            "444b1ae4d6e2ef4e, 999999999999999700000, refused",
            "444b1ae4d6e2ef4f, 999999999999999900000, refused",
            "444b1ae4d6e2ef50, 1e+21, text",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7, refused",
            "3eb0c6f7a0b5ed8d, 0.000001, refused",
            "41b3de4355555553, 333333333.3333332, refused",
            "41b3de4355555554, 333333333.33333325, refused",
            "41b3de4355555555, 333333333.3333333, refused",
            "41b3de4355555556, 333333333.3333334, refused",
            "41b3de4355555557, 333333333.33333343, refused",
            "becbf647612f3696, -0.0000033333333333333333, refused",
            "43143ff3c1cb0959, 1424953923781206.2, refused"
    })
    void rfcAppendixBNumbers(String bits, String canonical, String exactDecimal) throws IOException {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.write(value)).isEqualTo(canonical).isEqualTo(NumberToJSON.serializeNumber(value));
        assertThat(CanonicalJson.canonicalize("[" + canonical + "]")).isEqualTo("[" + canonical + "]")
                .isEqualTo(new JsonCanonicalizer("[" + canonical + "]").getEncodedString());
        // the canonical text, given as a decimal, is always taken: it reads back as the same double
        assertThat(CanonicalJson.write(new BigDecimal(canonical))).isEqualTo(canonical);
        BigDecimal exact = new BigDecimal(value);
        if (exactDecimal.equals("refused")) {
            assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(exact));
        } else {
            assertThat(CanonicalJson.write(exact)).isEqualTo(canonical);
        }
    }

    /** Appendix B's NaN and Infinity have no JSON form, for CanonicalJson as for the reference. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void rfcAppendixBNonFiniteNumbersAreRefused(String bits) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(value));
        assertThatThrownBy(() -> NumberToJSON.serializeNumber(value)).isInstanceOf(IOException.class);
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    /**
     * A generated value: written by CanonicalJson directly, canonicalized by CanonicalJson from its
     * roundabout text, and canonicalized by the reference from that text, the three give the same bytes.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedValuesCanonicalizeAsTheReferenceDoes(long seed) throws IOException {
        Random random = new Random(seed);
        Object value = new Values(random).document();
        String text = new RoundaboutText(random).write(value);

        byte[] reference = new JsonCanonicalizer(text).getEncodedUTF8();

        assertThat(CanonicalJson.bytes(value)).as("seed %d, value written directly; text: %s", seed, text)
                .isEqualTo(reference);
        assertThat(CanonicalJson.canonicalize(text).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as("seed %d, text canonicalized: %s", seed, text).isEqualTo(reference);
    }

    /** Random JSON values as Java values: objects, arrays, strings, integers, doubles, literals. */
    private record Values(Random random) {

        /** An object or an array: the reference reads nothing else as a whole document (as RFC 4627 had it). */
        Object document() {
            return value(0, 6 + random.nextInt(2));
        }

        Object value(int depth) {
            return value(depth, random.nextInt(depth >= 4 ? 6 : 8));
        }

        private Object value(int depth, int kind) {
            return switch (kind) {
                case 0 -> null;
                case 1 -> random.nextBoolean();
                case 2, 3 -> string(random.nextInt(12));
                case 4 -> integer();
                case 5 -> real();
                case 6 -> {
                    Map<String, Object> members = new LinkedHashMap<>();
                    int size = random.nextInt(6);
                    for (int i = 0; i < size; i++) {
                        members.put(string(random.nextInt(5)), value(depth + 1));
                    }
                    yield members;
                }
                default -> {
                    List<Object> elements = new ArrayList<>();
                    int size = random.nextInt(6);
                    for (int i = 0; i < size; i++) {
                        elements.add(value(depth + 1));
                    }
                    yield elements;
                }
            };
        }

        /** An integer of any magnitude a double holds exactly (up to 2^53), as a Long or an Integer. */
        Object integer() {
            long bound = 1L << random.nextInt(54);
            long n = (random.nextLong() % bound);
            return random.nextBoolean() && n == (int) n ? (Object) (int) n : (Object) n;
        }

        /** A finite double: any bit pattern, or a few digits at a magnitude from 1e-30 to 1e30. */
        double real() {
            double d;
            do {
                d = random.nextInt(3) == 0
                        ? Double.longBitsToDouble(random.nextLong())
                        : (random.nextInt(2_000_001) - 1_000_000) * Math.pow(10, random.nextInt(61) - 30);
            } while (!Double.isFinite(d));
            return d;
        }

        /** Code points from ASCII, the controls, Latin-1, the rest of the BMP and beyond it (surrogate pairs). */
        String string(int length) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int codePoint = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(0x20);
                    case 1 -> 0x20 + random.nextInt(0x60);
                    case 2 -> 0x7f + random.nextInt(0x81);
                    case 3 -> 0x100 + random.nextInt(0xd800 - 0x100);
                    case 4 -> 0xe000 + random.nextInt(0x10000 - 0xe000);
                    default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                };
                s.appendCodePoint(codePoint);
            }
            return s.toString();
        }
    }

    /** Writes a value as valid but far from canonical JSON text. */
    private record RoundaboutText(Random random) {

        String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private void write(Object value, StringBuilder out) {
            space(out);
            if (value == null || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else if (value instanceof Double d) {
                // Java's notation (1.0E-5), or the exact binary value in full
                out.append(random.nextBoolean() ? d.toString() : new BigDecimal(d).toString());
            } else if (value instanceof Map<?, ?> map) {
                List<Map.Entry<?, ?>> members = new ArrayList<>(map.entrySet());
                Collections.shuffle(members, random);
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space(out);
                    string((String) members.get(i).getKey(), out);
                    space(out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                space(out);
                out.append('}');
            } else {
                List<?> elements = (List<?>) value;
                out.append('[');
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(elements.get(i), out);
                }
                space(out);
                out.append(']');
            }
            space(out);
        }

        private void space(StringBuilder out) {
            if (random.nextInt(4) == 0) {
                out.append(" \n\t\r".charAt(random.nextInt(4)));
            }
        }

        /** Escapes what must be escaped, and some characters (surrogates one by one) that need not be. */
        private void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c == '/' && random.nextBoolean()) {
                    out.append("\\/");
                } else if (c < 0x20 || random.nextInt(5) == 0) {
                    out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
