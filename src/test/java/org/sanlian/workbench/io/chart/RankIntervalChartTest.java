package org.sanlian.workbench.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.IntervalCategoryDataset;
import org.junit.jupiter.api.Test;

/** The sensitivity screen's chart: a bar per unit over its rank interval, a mark at its actual rank; it draws headless. */
class RankIntervalChartTest {

    private static final RankIntervalChart.Data DATA = new RankIntervalChart.Data("2025年 排名稳定性", "排名",
            "排名区间（5%–95%）", "实际排名", List.of("莲都区", "青田县", "缙云县"), new int[] {1, 2, 3},
            new int[] {1, 1, 3}, new int[] {2, 3, 3}, 3);

    @Test
    void eachUnitHasABarOverItsIntervalAndAMarkAtItsRank() throws Exception {
        JFreeChart chart = RankIntervalChart.build(DATA);
        assertThat(chart.getTitle().getText()).isEqualTo("2025年 排名稳定性");
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("排名");

        IntervalCategoryDataset bars = (IntervalCategoryDataset) plot.getDataset(0);
        assertThat(bars.getRowKeys()).containsExactly("排名区间（5%–95%）");
        assertThat(bars.getColumnKeys()).containsExactly("莲都区", "青田县", "缙云县");
        // 青田县's interval runs from rank 1 to rank 3, padded so that a one-rank interval still shows
        assertThat(bars.getStartValue(0, 1).doubleValue()).isEqualTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(bars.getEndValue(0, 1).doubleValue()).isEqualTo(3.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(bars.getStartValue(0, 2).doubleValue()).isLessThan(3).isGreaterThan(2);
        assertThat(bars.getEndValue(0, 2).doubleValue()).isGreaterThan(3).isLessThan(4);

        CategoryDataset marks = plot.getDataset(1);
        assertThat(marks.getRowKeys()).containsExactly("实际排名");
        assertThat(marks.getValue("实际排名", "莲都区").intValue()).isEqualTo(1);
        assertThat(marks.getValue("实际排名", "缙云县").intValue()).isEqualTo(3);
        assertThat(plot.getRangeAxis().getRange().contains(1)).isTrue();
        assertThat(plot.getRangeAxis().getRange().contains(3)).isTrue();

        assertThat(plot.getRenderer(0).getSeriesPaint(0)).isEqualTo(Charts.color(0));
        assertThat(plot.getRenderer(1).getSeriesPaint(0)).isEqualTo(Charts.color(1));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(chart, 480, 260)));
        assertThat(image.getWidth()).isEqualTo(480);
    }

    @Test
    void anIntervalIsNeededForEveryUnit() {
        assertThatThrownBy(() -> new RankIntervalChart.Data("t", "r", "i", "a", List.of("甲", "乙"), new int[] {1, 2},
                new int[] {1}, new int[] {2, 2}, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
