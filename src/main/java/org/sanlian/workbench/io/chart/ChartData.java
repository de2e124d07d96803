package org.sanlian.workbench.io.chart;

import java.util.List;
import java.util.Objects;

/**
 * What one chart shows, independent of how it is drawn: the same data makes the JFreeChart picture
 * ({@link Charts}), the native Excel chart of the meeting workbook, and later the window's chart.
 * {@code values[s][c]} is series s at category c (NaN for a gap). A {@link Kind#LINE} chart with
 * {@code ranks} set draws rank 1 at the top.
 */
public record ChartData(Kind kind, String title, String categoryAxis, String valueAxis, List<String> categories,
                        List<String> series, double[][] values, boolean ranks) {

    /** Bars side by side, bars stacked per category, or one line per series. */
    public enum Kind { BAR, STACKED_BAR, LINE }

    public ChartData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(categoryAxis, "categoryAxis");
        Objects.requireNonNull(valueAxis, "valueAxis");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        Objects.requireNonNull(values, "values");
        if (values.length != series.size()) {
            throw new IllegalArgumentException("one row of values per series");
        }
        for (double[] row : values) {
            if (row.length != categories.size()) {
                throw new IllegalArgumentException("one value per category");
            }
        }
    }

    public double value(int series, int category) {
        return values[series][category];
    }
}
