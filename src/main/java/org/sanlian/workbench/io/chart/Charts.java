package org.sanlian.workbench.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The JFreeChart charts of the workbench, built from {@link ChartData}: one look for the meeting
 * workbook's pictures and the window's charts (which wrap them in a ChartViewer). Fonts are the
 * logical "SansSerif", which falls back to the machine's Chinese font (fontconfig on Linux, Microsoft
 * YaHei or SimSun on Windows), so Chinese titles and labels never show as boxes. AWT only: works
 * headless.
 */
public final class Charts {

    /** The series colours, shared with the native Excel charts (RGB). */
    public static final int[] PALETTE = {0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47, 0x264478,
        0x9E480E, 0x636363, 0x997300};

    private static final String FONT = "SansSerif";

    private Charts() {
    }

    /** The theme: Chinese-capable fonts, white background, light grid lines, flat bars. */
    public static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("sanlian");
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
        t.setLargeFont(new Font(FONT, Font.BOLD, 13));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xD9D9D9));
        t.setRangeGridlinePaint(new Color(0xD9D9D9));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    public static Color color(int series) {
        return new Color(PALETTE[series % PALETTE.length]);
    }

    /** A chart of the data, themed. */
    public static JFreeChart build(ChartData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < data.series().size(); s++) {
            for (int c = 0; c < data.categories().size(); c++) {
                double v = data.value(s, c);
                // categories are keyed by position so that two units of one name stay two bars
                dataset.addValue(Double.isNaN(v) ? null : v, data.series().get(s), new Category(c, data.categories().get(c)));
            }
        }
        JFreeChart chart;
        switch (data.kind()) {
            case LINE:
                chart = ChartFactory.createLineChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset,
                        PlotOrientation.VERTICAL, data.series().size() > 1, false, false);
                break;
            case STACKED_BAR:
                chart = ChartFactory.createStackedBarChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset,
                        PlotOrientation.VERTICAL, true, false, false);
                break;
            default:
                chart = ChartFactory.createBarChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset,
                        PlotOrientation.VERTICAL, data.series().size() > 1, false, false);
                break;
        }
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryAxis x = plot.getDomainAxis();
        if (data.categories().size() > 20) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            x.setTickLabelFont(new Font(FONT, Font.PLAIN, 9));
        } else if (data.categories().size() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        x.setMaximumCategoryLabelWidthRatio(2.5f);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (data.kind() == ChartData.Kind.LINE) {
            LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
            r.setDefaultShapesVisible(true);
            for (int s = 0; s < data.series().size(); s++) {
                r.setSeriesPaint(s, color(s));
                r.setSeriesStroke(s, new BasicStroke(2f));
            }
            if (data.ranks()) {
                y.setInverted(true);
                y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                y.setAutoRangeIncludesZero(false);
            }
        } else {
            BarRenderer r = (BarRenderer) plot.getRenderer();
            r.setMaximumBarWidth(0.08);
            r.setItemMargin(0.02);
            for (int s = 0; s < data.series().size(); s++) {
                Paint p = color(s);
                r.setSeriesPaint(s, p);
            }
        }
        return chart;
    }

    /** The chart as a PNG picture of the given size in pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return png(chart, width, height, 1);
    }

    /**
     * The chart laid out for {@code width} x {@code height} pixels and drawn {@code scale} times
     * larger, so that a picture shown at that size prints sharp with text of the usual size.
     */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        BufferedImage image = chart.createBufferedImage((int) Math.round(width * scale),
                (int) Math.round(height * scale), width, height, null);
        return PngEncoder.encode(image);
    }

    /** A category label that stays distinct by position (two units may share a name). */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }

        // written out: the record's generated equality is linked at its first use (a fresh process)
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Category c && c.index == index && c.label.equals(label);
        }

        @Override
        public int hashCode() {
            return index * 31 + label.hashCode();
        }
    }
}
