package org.sanlian.workbench.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The rule preview's chart: the curve as a line, the units as labelled dots, gaps left out; it draws headless. */
class RuleCurveChartTest {

    private static final RuleCurveChart.Data DATA = new RuleCurveChart.Data("2025：研发强度 的评分规则（RD_INT）",
            "指标值（%）", "得分", "莲都区 的得分曲线", new double[] {0, 1, 2, 3}, new double[] {0, 4, Double.NaN, 12},
            "各单位（2025）", List.of("莲都区", "青田县", "缙云县"), new double[] {2.5, Double.NaN, 1.2},
            new double[] {10, 0, 4.8});

    @Test
    void theCurveIsALineAndEachUnitWithAValueIsALabelledDot() throws Exception {
        JFreeChart chart = RuleCurveChart.build(DATA);
        assertThat(chart.getTitle().getText()).isEqualTo(DATA.title());
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("指标值（%）");
        XYDataset d = chart.getXYPlot().getDataset();
        assertThat(d.getSeriesCount()).isEqualTo(2);
        assertThat(d.getItemCount(0)).isEqualTo(3); // the NaN point is a gap
        assertThat(d.getItemCount(1)).isEqualTo(2); // 青田县 has no value
        XYItemRenderer r = chart.getXYPlot().getRenderer();
        assertThat(r.getItemLabelGenerator(1, 0).generateLabel(d, 1, 0)).isEqualTo("莲都区");
        assertThat(r.getItemLabelGenerator(1, 1).generateLabel(d, 1, 1)).isEqualTo("缙云县");
        assertThat(d.getYValue(1, 1)).isEqualTo(4.8);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(chart, 480, 260)));
        assertThat(image.getWidth()).isEqualTo(480);
    }

    @Test
    void aLabelIsNeededForEveryDot() {
        assertThatThrownBy(() -> new RuleCurveChart.Data("t", "x", "y", "c", new double[0], new double[0], "d",
                List.of("甲"), new double[] {1, 2}, new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
