package org.sanlian.workbench.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/** Freezes scored results into a {@link MeetingReport}. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * The report of {@code current}, with {@code earlier} results (same scheme, earlier periods, any
     * order) as its trend.
     */
    public static MeetingReport build(PeriodResult current, List<PeriodResult> earlier, Optional<String> bulletin,
                                      LocalDate issuedOn, String issuer, boolean simulated, List<String> sources) {
        List<PeriodResult> trend = new ArrayList<>();
        for (PeriodResult r : earlier) {
            if (r.period().compareTo(current.period()) < 0) {
                trend.add(r);
            }
        }
        trend.sort((a, b) -> a.period().compareTo(b.period()));
        trend.add(current);
        List<Period> periods = trend.stream().map(PeriodResult::period).toList();
        List<Map<String, UnitResult>> byUnit = new ArrayList<>();
        for (PeriodResult r : trend) {
            Map<String, UnitResult> m = new HashMap<>();
            r.rows().forEach(u -> m.put(u.unit().code(), u));
            byUnit.add(m);
        }
        List<Dimension> dimensions = current.scheme().dimensions();
        int leafCount = current.scheme().leaves().size();
        List<ReportRow> rows = new ArrayList<>(current.rows().size());
        for (UnitResult r : current.rows()) {
            double[] subtotals = new double[dimensions.size()];
            for (int i = 0; i < subtotals.length; i++) {
                subtotals[i] = r.subtotals().getOrDefault(dimensions.get(i).code(), java.util.OptionalDouble.empty())
                        .orElse(Double.NaN);
            }
            double[] values = new double[leafCount];
            double[] scores = new double[leafCount];
            int known = Math.min(leafCount, r.leaves().size());
            Arrays.fill(values, Double.NaN);
            Arrays.fill(scores, Double.NaN);
            for (int i = 0; i < known; i++) {
                values[i] = r.leafValue(i);
                scores[i] = r.leafScore(i);
            }
            double[] trendTotals = new double[periods.size()];
            int[] trendRanks = new int[periods.size()];
            Arrays.fill(trendTotals, Double.NaN);
            for (int p = 0; p < periods.size(); p++) {
                UnitResult then = byUnit.get(p).get(r.unit().code());
                if (then != null) {
                    trendTotals[p] = then.total();
                    trendRanks[p] = then.rank();
                }
            }
            rows.add(new ReportRow(r.unit().code(), r.unit().name(), r.zone().code(), r.total(), r.rank(),
                    r.zoneRank(), r.rankChange(), r.vetoed(), r.bonus(), r.penalty(), subtotals, values, scores,
                    trendTotals, trendRanks, r.flags(), r.bottom()));
        }
        return new MeetingReport(current.scheme(), current.period(), bulletin, issuedOn, issuer, simulated, sources,
                current.hasPrevious(), periods, rows);
    }
}
