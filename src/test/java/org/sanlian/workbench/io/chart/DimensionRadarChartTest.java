package org.sanlian.workbench.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** The breakdown's radar: one web per series (the unit, its zone's average), one spoke per dimension, 0..100. */
class DimensionRadarChartTest {

    private static final DimensionRadarChart.Data DATA = new DimensionRadarChart.Data("莲都区各维度得分率（%）",
            List.of("产业链", "创新链", "人才链"), List.of("莲都区", "一类地区平均"),
            new double[][] {{92.5, 100, Double.NaN}, {96.25, 75, 80}});

    @Test
    void eachSeriesIsAWebWithItsShareOnEachDimension() throws Exception {
        JFreeChart chart = DimensionRadarChart.build(DATA);

        assertThat(chart.getTitle().getText()).isEqualTo(DATA.title());
        SpiderWebPlot plot = (SpiderWebPlot) chart.getPlot();
        assertThat(plot.getMaxValue()).isEqualTo(100);
        CategoryDataset d = plot.getDataset();
        assertThat(d.getRowKeys()).containsExactly("莲都区", "一类地区平均");
        assertThat(d.getColumnKeys()).containsExactly("产业链", "创新链", "人才链");
        assertThat(d.getValue("莲都区", "产业链").doubleValue()).isEqualTo(92.5);
        assertThat(d.getValue("莲都区", "创新链").doubleValue()).isEqualTo(100);
        assertThat(d.getValue("莲都区", "人才链")).as("no subtotal: no point").isNull();
        assertThat(d.getValue("一类地区平均", "产业链").doubleValue()).isEqualTo(96.25);
        assertThat(d.getValue("一类地区平均", "人才链").doubleValue()).isEqualTo(80);
        assertThat(plot.getSeriesPaint(0)).isEqualTo(Charts.color(0));
        assertThat(plot.getSeriesPaint(1)).isEqualTo(Charts.color(1));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(chart, 360, 300)));
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void aValueIsNeededForEveryDimension() {
        assertThatThrownBy(() -> new DimensionRadarChart.Data("t", List.of("甲", "乙"), List.of("单位"),
                new double[][] {{1}})).isInstanceOf(IllegalArgumentException.class);
    }
}
