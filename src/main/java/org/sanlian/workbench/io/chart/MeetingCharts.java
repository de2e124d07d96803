package org.sanlian.workbench.io.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.report.ReportText;

/**
 * The charts of a meeting report, one set per zone (units compete within their zone): the units'
 * totals as bars, their dimension subtotals as stacked bars, and, when earlier periods exist, their
 * ranks over the periods as lines. A zone of more than {@link #MAX_BARS} units shows its best and its
 * last {@code MAX_BARS / 2} (the places a meeting talks about), an empty bar labelled {@link #GAP}
 * between them, and says so in the title; a trend
 * shows at most {@link #MAX_LINES} units the same way. See docs/excel.md.
 */
public final class MeetingCharts {

    /** The most bars a chart shows: 40 units still read on an A4 landscape page. */
    public static final int MAX_BARS = 40;
    /** The most lines a trend chart shows: more become a tangle. */
    public static final int MAX_LINES = 10;
    /** The label of the empty bar between a capped zone's best and last units. */
    public static final String GAP = "⋯";

    private MeetingCharts() {
    }

    /**
     * One zone's charts; {@code shown} are the rows charted (all, or the best and last). A tree
     * without dimensions has no stacked chart; a report without earlier periods no trend.
     */
    public record ZoneCharts(Zone zone, int units, List<ReportRow> shown, ChartData totals, Optional<ChartData> dimensions,
                             Optional<ChartData> trend) {
    }

    public static List<ZoneCharts> of(MeetingReport report) {
        Messages m = Messages.get();
        Scheme scheme = report.scheme();
        List<Dimension> all = scheme.dimensions();
        List<Dimension> stacked = stackedDimensions(scheme);
        // by code (unique in a scheme): a record's generated equality is linked at its first use
        List<String> allCodes = all.stream().map(Dimension::code).toList();
        int[] stackedIndex = stacked.stream().mapToInt(d -> allCodes.indexOf(d.code())).toArray();
        List<ZoneCharts> out = new ArrayList<>();
        for (Zone zone : scheme.zones()) {
            List<ReportRow> members = new ArrayList<>();
            for (ReportRow r : report.rows()) {
                if (r.zone().equals(zone.code())) {
                    members.add(r);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            // stable: equal zone ranks keep the report's order
            members.sort((a, b) -> Integer.compare(a.zoneRank(), b.zoneRank()));
            List<ReportRow> shown = ends(members, MAX_BARS);
            boolean cut = shown.size() < members.size();
            // a capped chart has an empty bar labelled GAP where the middle of the zone is left out
            List<ReportRow> bars = new ArrayList<>(shown);
            if (cut) {
                bars.add(MAX_BARS / 2, null);
            }
            List<String> names = bars.stream().map(r -> r == null ? GAP : r.name()).toList();
            String capped = cut ? m.text("chart.capped", MAX_BARS / 2, members.size()) : "";

            double[][] totals = new double[1][bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                totals[0][i] = bars.get(i) == null ? Double.NaN : bars.get(i).total();
            }
            ChartData totalChart = new ChartData(ChartData.Kind.BAR, m.text("chart.totals", zone.name()) + capped,
                    m.text("chart.axis.unit"), m.text("chart.axis.score"), names, List.of(m.text("chart.series.total")),
                    totals, false);

            double[][] subtotals = new double[stacked.size()][bars.size()];
            for (int d = 0; d < stacked.size(); d++) {
                for (int i = 0; i < bars.size(); i++) {
                    if (bars.get(i) == null) {
                        subtotals[d][i] = Double.NaN;
                        continue;
                    }
                    double v = bars.get(i).subtotals()[stackedIndex[d]];
                    subtotals[d][i] = Double.isNaN(v) ? 0 : v;
                }
            }
            Optional<ChartData> dimensionChart = stacked.isEmpty() ? Optional.empty()
                    : Optional.of(new ChartData(ChartData.Kind.STACKED_BAR,
                    m.text("chart.dimensions", zone.name()) + capped, m.text("chart.axis.unit"),
                    m.text("chart.axis.score"), names, stacked.stream().map(Dimension::name).toList(), subtotals, false));

            Optional<ChartData> trend = Optional.empty();
            if (report.hasTrend()) {
                List<ReportRow> lines = ends(members, MAX_LINES);
                List<Period> periods = report.trendPeriods();
                double[][] ranks = new double[lines.size()][periods.size()];
                for (int u = 0; u < lines.size(); u++) {
                    for (int p = 0; p < periods.size(); p++) {
                        int rank = lines.get(u).trendRanks()[p];
                        ranks[u][p] = rank > 0 ? rank : Double.NaN;
                    }
                }
                String linesCapped = lines.size() < members.size()
                        ? m.text("chart.capped", MAX_LINES / 2, members.size()) : "";
                trend = Optional.of(new ChartData(ChartData.Kind.LINE, m.text("chart.trend", zone.name()) + linesCapped,
                        m.text("chart.axis.period"), m.text("chart.axis.rank"),
                        periods.stream().map(ReportText::period).toList(),
                        lines.stream().map(ReportRow::name).toList(), ranks, true));
            }
            out.add(new ZoneCharts(zone, members.size(), shown, totalChart, dimensionChart, trend));
        }
        return out;
    }

    /** All rows when at most {@code max}, else the first and the last {@code max / 2}. */
    static List<ReportRow> ends(List<ReportRow> ordered, int max) {
        if (ordered.size() <= max) {
            return ordered;
        }
        List<ReportRow> out = new ArrayList<>(ordered.subList(0, max / 2));
        out.addAll(ordered.subList(ordered.size() - max / 2, ordered.size()));
        return out;
    }

    /**
     * The dimensions a stacked chart splits a total into: the tree's top-level dimensions, or, where
     * the tree has a single top node, the first level below it with more than one dimension.
     */
    static List<Dimension> stackedDimensions(Scheme scheme) {
        List<Node> level = scheme.tree();
        while (true) {
            List<Dimension> dims = new ArrayList<>();
            for (Node n : level) {
                if (n instanceof Dimension) {
                    dims.add((Dimension) n);
                }
            }
            if (dims.size() != 1) {
                return dims;
            }
            level = dims.get(0).children();
        }
    }
}
