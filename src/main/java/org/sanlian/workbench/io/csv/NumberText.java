package org.sanlian.workbench.io.csv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as the shortest decimal that reads back ({@link Double#parseDouble}) as the same
 * double, and among the shortest the one nearest the double's exact value: what Python's
 * {@code repr} and Java 19+'s {@code Double.toString} give. Java 17's {@code Double.toString}
 * round-trips too but now and then writes a digit more than needed, so its digits are only the
 * starting point and are shortened where they can be.
 *
 * <p>The layout is {@code Double.toString}'s ({@code 2.0}, {@code 0.0}, {@code -0.0},
 * {@code 0.43750000000000006}), except that magnitudes from 1e-6 up to below 1e21 are written
 * without an exponent ({@code 12000000.0}, not {@code 1.2E7}); beyond that range the exponent form
 * {@code 1.0E-7}, {@code 1.0E21} is kept, which the data reader accepts too. NaN and the infinities
 * are written as {@code NaN}, {@code Infinity} and {@code -Infinity}.
 */
public final class NumberText {

    /** A double never needs more than 17 significant digits; Java 17 may give 18. */
    private static final int MAX_DIGITS = 18;
    private static final MathContext[] FLOOR = contexts(RoundingMode.FLOOR);
    private static final MathContext[] CEILING = contexts(RoundingMode.CEILING);

    private NumberText() {
    }

    private static MathContext[] contexts(RoundingMode mode) {
        MathContext[] out = new MathContext[MAX_DIGITS + 1];
        for (int p = 1; p <= MAX_DIGITS; p++) {
            out[p] = new MathContext(p, mode);
        }
        return out;
    }

    public static String format(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return Double.toString(x);
        }
        BigDecimal digits = shortest(Math.abs(x));
        String body = layout(digits);
        return x < 0 ? "-" + body : body;
    }

    /** The shortest, nearest decimal of a positive finite double, without trailing zeros. */
    static BigDecimal shortest(double x) {
        BigDecimal fromJdk = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        int precision = fromJdk.precision();
        if (precision <= 15 && x >= Double.MIN_NORMAL) {
            // Decimals of up to 15 digits survive the trip through a normal double unchanged, so no
            // two of them read back as the same double: these digits are the only ones this short.
            return fromJdk;
        }
        BigDecimal exact = new BigDecimal(x);
        while (precision > 1 && nearest(exact, precision - 1, x) != null) {
            precision--;
        }
        BigDecimal best = nearest(exact, precision, x);
        // Double.toString's own digits always read back, so `best` exists; keep them if ever not.
        return best != null ? best.stripTrailingZeros() : fromJdk;
    }

    /**
     * The decimal with {@code precision} significant digits nearest {@code exact} that reads back as
     * {@code x}, or null when none does. Only the two neighbours below and above can qualify: any
     * other such decimal lies farther out, and the set that reads back as {@code x} is an interval
     * around it.
     */
    private static BigDecimal nearest(BigDecimal exact, int precision, double x) {
        BigDecimal down = exact.round(FLOOR[precision]);
        BigDecimal up = exact.round(CEILING[precision]);
        boolean downOk = readsBack(down, x);
        boolean upOk = readsBack(up, x);
        if (downOk && upOk) {
            int c = exact.subtract(down).compareTo(up.subtract(exact));
            if (c != 0) {
                return c < 0 ? down : up;
            }
            return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        return downOk ? down : upOk ? up : null;
    }

    private static boolean readsBack(BigDecimal candidate, double x) {
        return Double.parseDouble(candidate.toString()) == x;
    }

    private static String layout(BigDecimal d) {
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -6 && exponent < 21) {
            String plain = d.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String unscaled = d.unscaledValue().toString();
        String fraction = unscaled.length() > 1 ? unscaled.substring(1) : "0";
        return unscaled.charAt(0) + "." + fraction + "E" + exponent;
    }
}
