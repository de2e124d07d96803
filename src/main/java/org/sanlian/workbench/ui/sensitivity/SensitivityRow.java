package org.sanlian.workbench.ui.sensitivity;

import java.util.Locale;
import java.util.Objects;

/**
 * One unit's rank stability as the table shows it: its zone, actual rank, median rank, the 5%–95%
 * rank interval over the draws ({@code best}–{@code worst}), the best and worst rank of any draw,
 * and the share of draws that put it on the bottom list.
 */
public record SensitivityRow(String code, String unit, String zone, int rank, int medianRank, int best, int worst,
                             int min, int max, double listedShare) {

    public SensitivityRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
    }

    /** {@code 2–4}, or {@code 3} when the interval is one rank. */
    public String interval() {
        return best == worst ? Integer.toString(best) : best + "–" + worst;
    }

    /** The best to the worst rank of any draw: {@code 1–5}, or {@code 3}. */
    public String range() {
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    /** {@code 12.5%}. */
    public String listedText() {
        return String.format(Locale.ROOT, "%.1f%%", listedShare * 100);
    }

    /** Whether the actual rank lies inside the interval. */
    public boolean rankInInterval() {
        return best <= rank && rank <= worst;
    }
}
