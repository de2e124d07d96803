package org.sanlian.workbench.io.chart;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * How stable each unit's rank is when weights move, as a chart: per unit (one row each, in the
 * order given) a bar from the best to the worst rank of its interval (the 5th to the 95th
 * percentile over the draws) and a mark at its actual rank. Rank 1 is at the left. The numbers come
 * from the sensitivity run, not from here.
 */
public final class RankIntervalChart {

    /** What the chart shows: one label, actual rank and interval per unit; {@code ranks} is the number of units. */
    public record Data(String title, String rankAxis, String intervalName, String rankName, List<String> units,
                       int[] rank, int[] best, int[] worst, int ranks) {
        public Data {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(rankAxis, "rankAxis");
            Objects.requireNonNull(intervalName, "intervalName");
            Objects.requireNonNull(rankName, "rankName");
            units = List.copyOf(units);
            if (rank.length != units.size() || best.length != units.size() || worst.length != units.size()) {
                throw new IllegalArgumentException("one rank and one interval per unit");
            }
        }
    }

    private RankIntervalChart() {
    }

    public static JFreeChart build(Data data) {
        int n = data.units().size();
        Number[][] starts = new Number[1][n];
        Number[][] ends = new Number[1][n];
        for (int i = 0; i < n; i++) {
            // a one-rank interval still shows as a short bar around its rank
            starts[0][i] = data.best()[i] - 0.4;
            ends[0][i] = data.worst()[i] + 0.4;
        }
        DefaultIntervalCategoryDataset intervals = new DefaultIntervalCategoryDataset(
                new Comparable<?>[] {data.intervalName()}, data.units().toArray(new Comparable<?>[0]), starts, ends);
        DefaultCategoryDataset actual = new DefaultCategoryDataset();
        for (int i = 0; i < n; i++) {
            actual.addValue(data.rank()[i], data.rankName(), data.units().get(i));
        }

        NumberAxis ranks = new NumberAxis(data.rankAxis());
        ranks.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ranks.setRange(0.4, Math.max(1, data.ranks()) + 0.6);
        IntervalBarRenderer bars = new IntervalBarRenderer();
        bars.setMaximumBarWidth(0.5);
        CategoryPlot plot = new CategoryPlot(intervals, new CategoryAxis(), ranks, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, new Rectangle2D.Double(-2, -7, 4, 14));
        plot.setDataset(1, actual);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(data.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.theme().apply(chart);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        // after the theme, which hands out its own series colours
        bars.setSeriesPaint(0, Charts.color(0));
        marks.setSeriesPaint(0, Charts.color(1));
        return chart;
    }
}
