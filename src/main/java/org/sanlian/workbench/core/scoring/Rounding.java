package org.sanlian.workbench.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place that rounds (SCORING.md section 6): half-up to {@code decimals} places, starting from
 * the double's shortest decimal form ({@code BigDecimal.valueOf}), so 0.125 rounds to 0.13 and
 * 1.005 (stored as 1.00499999999999989...) still reads as "1.005" and rounds to 1.01.
 */
public final class Rounding {

    private Rounding() {
    }

    public static double round(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
