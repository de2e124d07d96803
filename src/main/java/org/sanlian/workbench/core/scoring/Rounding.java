package org.sanlian.workbench.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place that rounds (SCORING.md section 6): half-up to {@code decimals} places, starting from
 * the double's shortest decimal form ({@code BigDecimal.valueOf}), so 0.125 rounds to 0.13 and
 * 1.005 (stored as 1.00499999999999989...) still reads as "1.005" and rounds to 1.01.
 */
public final class Rounding {

    /** Exact powers of ten as doubles. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15};

    private Rounding() {
    }

    public static double round(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double quick = quick(x, decimals);
        return Double.isNaN(quick) ? exact(x, decimals) : quick;
    }

    /** The definition: half-up from the shortest decimal form. */
    static double exact(double x, int decimals) {
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The same result without decimal arithmetic where no tie is near, else NaN. x times 10^decimals
     * is within a few units in the last place of the shortest decimal form times 10^decimals; when its
     * fraction is clearly away from one half, both round to the same whole number n, and n / 10^decimals
     * (two exact doubles, one correctly rounded division) is the double nearest to the rounded decimal,
     * as {@link BigDecimal#doubleValue} gives. A ranking rounds tens of thousands of subtotals, and the
     * decimal way costs a shortest-digits search for each.
     */
    static double quick(double x, int decimals) {
        if (decimals < 0 || decimals >= POWERS.length) {
            return Double.NaN;
        }
        double a = Math.abs(x) * POWERS[decimals];
        if (!(a < 1e15)) {
            return Double.NaN;
        }
        double whole = Math.floor(a);
        double fraction = a - whole;
        double margin = 1e-9 + a * 1e-12;
        if (Math.abs(fraction - 0.5) <= margin) {
            return Double.NaN;
        }
        double n = fraction > 0.5 ? whole + 1 : whole;
        if (n == 0) {
            return 0.0; // BigDecimal has no negative zero
        }
        double r = n / POWERS[decimals];
        return x < 0 ? -r : r;
    }
}
