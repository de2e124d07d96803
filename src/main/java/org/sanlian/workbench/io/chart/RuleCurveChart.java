package org.sanlian.workbench.io.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How a scoring rule turns values into points, as a chart: a line (the points one unit would get
 * across a range of values) and a dot per unit at its value and points, labelled with its name.
 * Used by the scheme editor's rule preview; the numbers come from the scoring engine, not from here.
 */
public final class RuleCurveChart {

    /** What the chart shows; NaN values are left out. */
    public record Data(String title, String valueAxis, String pointsAxis, String curveName, double[] curveX,
                       double[] curveY, String dotsName, List<String> dotLabels, double[] dotX, double[] dotY) {
        public Data {
            Objects.requireNonNull(title, "title");
            dotLabels = List.copyOf(dotLabels);
            if (curveX.length != curveY.length || dotX.length != dotY.length || dotX.length != dotLabels.size()) {
                throw new IllegalArgumentException("one y per x and one label per dot");
            }
        }
    }

    private RuleCurveChart() {
    }

    public static JFreeChart build(Data data) {
        XYSeries curve = new XYSeries(data.curveName(), false, true);
        for (int i = 0; i < data.curveX().length; i++) {
            if (!Double.isNaN(data.curveY()[i])) {
                curve.add(data.curveX()[i], data.curveY()[i]);
            }
        }
        XYSeries dots = new XYSeries(data.dotsName(), false, true);
        int[] labelOf = new int[data.dotX().length];
        for (int i = 0; i < data.dotX().length; i++) {
            if (!Double.isNaN(data.dotX()[i]) && !Double.isNaN(data.dotY()[i])) {
                labelOf[dots.getItemCount()] = i;
                dots.add(data.dotX()[i], data.dotY()[i]);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(curve);
        dataset.addSeries(dots);
        JFreeChart chart = ChartFactory.createXYLineChart(data.title(), data.valueAxis(), data.pointsAxis(), dataset,
                PlotOrientation.VERTICAL, true, false, false);
        Charts.theme().apply(chart);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, Charts.color(0));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(1, Charts.color(1));
        XYItemLabelGenerator names = (d, series, item) -> series == 1 ? data.dotLabels().get(labelOf[item]) : null;
        r.setSeriesItemLabelGenerator(1, names);
        r.setSeriesItemLabelsVisible(1, true);
        r.setSeriesItemLabelFont(1, new Font("SansSerif", Font.PLAIN, 10));
        plot.setRenderer(r);
        return chart;
    }
}
