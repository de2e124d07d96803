package org.sanlian.workbench.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.BottomEntry;

/**
 * One unit's line of a meeting report, frozen: what the ranking, detail, bottom-list and trend sheets
 * show. {@code subtotals} follow the scheme's dimensions in tree order, {@code values} and
 * {@code scores} its leaves (a score is the points in POINTS, the normalised score in the mean
 * modes); NaN where there is none. {@code trendTotals} and {@code trendRanks} follow the report's
 * trend periods (NaN and 0 where the unit has no result). The arrays are kept, not copied: a report
 * is built once and only read.
 */
public record ReportRow(
        String unit,
        String name,
        String zone,
        double total,
        int rank,
        int zoneRank,
        OptionalInt rankChange,
        boolean vetoed,
        double bonus,
        double penalty,
        double[] subtotals,
        double[] values,
        double[] scores,
        double[] trendTotals,
        int[] trendRanks,
        List<String> flags,
        Optional<BottomEntry> bottom) {

    public ReportRow {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rankChange, "rankChange");
        Objects.requireNonNull(subtotals, "subtotals");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(trendTotals, "trendTotals");
        Objects.requireNonNull(trendRanks, "trendRanks");
        flags = List.copyOf(flags);
        Objects.requireNonNull(bottom, "bottom");
    }

    public boolean listed() {
        return bottom.isPresent();
    }
}
