package io.forewarn.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as RFC 8785 §3.2.2.3 writes them: an IEEE 754 double, serialised as ECMAScript's
 * Number.prototype.toString does (ECMA-262, Number::toString). That is the shortest decimal that
 * reads back as the same double, the closest one if several are that short, written as an
 * integer, a plain decimal or with an exponent depending on its magnitude:
 * 1e+21, 999999999999999900000, 0.000001, 1e-7, 4.5, -0 written as 0.
 *
 * <p>Java's own {@link Double#toString} is not used: before JDK 19 it does not always give the
 * shortest digits (JDK-4511638), and its layout differs anyway. The digits are found with exact
 * {@link BigDecimal} arithmetic instead, trying 1, 2, … 17 significant digits; 17 always suffice.
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a JSON number");
        }
        if (value == 0) {
            return "0"; // also -0.0, as ECMAScript writes it
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal shortest = shortestDecimal(value).stripTrailingZeros();
        return layout(shortest.unscaledValue().toString(), shortest.precision() - shortest.scale());
    }

    /**
     * Whether {@code value} is written exactly by {@link #format}: true for 0.1 and 2^53, false
     * for 2^53 + 1 and 0.1000000000000000000001, which a double cannot hold.
     */
    static boolean survives(BigDecimal value) {
        double d = value.doubleValue();
        return Double.isFinite(d) && new BigDecimal(format(d)).compareTo(value) == 0;
    }

    static boolean survives(BigInteger value) {
        return survives(new BigDecimal(value));
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}; among two
     * of that length, the closer, and on a tie the one with an even last digit (ECMA-262 step 5).
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal below = exact.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal above = exact.round(new MathContext(digits, RoundingMode.UP));
            if (below.compareTo(above) == 0) {
                return exact; // the double's exact value has no more digits than this
            }
            boolean belowWorks = below.doubleValue() == value;
            boolean aboveWorks = above.doubleValue() == value;
            if (belowWorks && aboveWorks) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                if (closer != 0) {
                    return closer < 0 ? below : above;
                }
                BigDecimal unit = above.subtract(below);
                boolean belowEven = !below.divideToIntegralValue(unit).toBigInteger().testBit(0);
                return belowEven ? below : above;
            }
            if (belowWorks) {
                return below;
            }
            if (aboveWorks) {
                return above;
            }
        }
        throw new AssertionError("17 significant digits always identify a double: " + value);
    }

    /**
     * ECMA-262 Number::toString steps 6 to 10 for digits s (k of them) and exponent n, where the
     * value is s × 10^(n−k).
     */
    private static String layout(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }
}
