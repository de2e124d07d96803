package org.sanlian.workbench.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;

/**
 * Everything the meeting workbook shows, and nothing that must be looked up again: the scheme as it
 * was, the period, who issues it and when, the bulletin number when it is one, whether the figures
 * are simulated (示例数据), where the figures came from, every unit's row ordered by rank, and the
 * periods of the trend (earlier periods scored with the same scheme, then this one). A published
 * bulletin keeps one of these, so its workbook can be written again from the bulletin alone.
 */
public record MeetingReport(
        Scheme scheme,
        Period period,
        Optional<String> bulletin,
        LocalDate issuedOn,
        String issuer,
        boolean simulated,
        List<String> sources,
        boolean hasPrevious,
        List<Period> trendPeriods,
        List<ReportRow> rows) {

    public MeetingReport {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(bulletin, "bulletin");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(issuer, "issuer");
        sources = List.copyOf(sources);
        trendPeriods = List.copyOf(trendPeriods);
        rows = List.copyOf(rows);
    }

    /** The rows on the bottom list, in rank order. */
    public List<ReportRow> listed() {
        return rows.stream().filter(ReportRow::listed).toList();
    }

    /** Whether there is a trend to show: at least one earlier period besides this one. */
    public boolean hasTrend() {
        return trendPeriods.size() > 1;
    }
}
