package org.sanlian.workbench.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A unit's dimension subtotals as a radar (spider web): one spoke per top-level dimension, each a
 * percentage of the dimension's full points (0 at the centre, 100 at the rim), one web per series
 * (the unit, and its zone's average). The shares come from the caller; nothing is scored here.
 */
public final class DimensionRadarChart {

    /** What the chart shows: {@code values[s][d]} is series s on dimension d, in percent (NaN: no web point). */
    public record Data(String title, List<String> dimensions, List<String> series, double[][] values) {
        public Data {
            Objects.requireNonNull(title, "title");
            dimensions = List.copyOf(dimensions);
            series = List.copyOf(series);
            if (values.length != series.size()) {
                throw new IllegalArgumentException("one row of values per series");
            }
            for (double[] row : values) {
                if (row.length != dimensions.size()) {
                    throw new IllegalArgumentException("one value per dimension");
                }
            }
        }
    }

    private DimensionRadarChart() {
    }

    public static JFreeChart build(Data data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < data.series().size(); s++) {
            for (int d = 0; d < data.dimensions().size(); d++) {
                double v = data.values()[s][d];
                dataset.addValue(Double.isNaN(v) ? null : v, data.series().get(s), data.dimensions().get(d));
            }
        }
        SpiderWebPlot plot = new SpiderWebPlot(dataset);
        plot.setMaxValue(100);
        plot.setStartAngle(90);
        plot.setWebFilled(true);
        plot.setForegroundAlpha(0.55f); // the zone's web shows through the unit's
        plot.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setAxisLinePaint(new Color(0xD9D9D9));
        for (int s = 0; s < data.series().size(); s++) {
            plot.setSeriesPaint(s, Charts.color(s));
            plot.setSeriesOutlineStroke(s, new BasicStroke(2f));
        }
        JFreeChart chart = new JFreeChart(data.title(), new Font("SansSerif", Font.BOLD, 13), plot, true);
        Charts.theme().apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        return chart;
    }
}
