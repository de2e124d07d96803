package org.sanlian.workbench.io.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/**
 * The 趋势 screen's line chart: the chart {@link Charts#build} makes of a {@link ChartData} (the
 * same builder as the meeting workbook's rank trend lines), with a rank axis that runs from 1 at
 * the top to the lowest rank of the units compared, so that a line's height says where the unit
 * stands among all of them and not only among the lines drawn.
 */
public final class TrendChart {

    private TrendChart() {
    }

    /** The chart of {@code data}; for ranks, the axis spans ranks 1 to {@code lowestRank} (at least 1). */
    public static JFreeChart build(ChartData data, int lowestRank) {
        JFreeChart chart = Charts.build(data);
        if (data.kind() == ChartData.Kind.LINE && data.ranks()) {
            NumberAxis y = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
            y.setRange(0.5, Math.max(1, lowestRank) + 0.5);
        }
        return chart;
    }
}
