package org.sanlian.workbench.io.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.bench.LargeCase;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.bottom.PeriodAssessor;

/** The JFreeChart builders: every kind draws, pictures decode, Chinese text has a font, big zones are capped. */
class ChartsTest {

    private static final ChartData BARS = new ChartData(ChartData.Kind.STACKED_BAR, "跨越发展类：各维度得分", "单位", "得分",
            List.of("莲都区", "青田县", "莲都区"), List.of("产业链", "创新链"), new double[][] {{20, 25, 22}, {30, Double.NaN, 28}},
            false);
    private static final ChartData LINES = new ChartData(ChartData.Kind.LINE, "名次趋势", "考核期", "名次",
            List.of("2023年", "2024年", "2025年"), List.of("莲都区", "青田县"), new double[][] {{3, 1, 2}, {1, 2, Double.NaN}},
            true);

    @Test
    void everyKindDrawsAndTheRankAxisPutsFirstOnTop() throws Exception {
        for (ChartData data : List.of(BARS, LINES, new ChartData(ChartData.Kind.BAR, "总分", "单位", "得分",
                List.of("甲"), List.of("总分"), new double[][] {{80}}, false))) {
            JFreeChart chart = Charts.build(data);
            assertThat(chart.getTitle().getText()).isEqualTo(data.title());
            byte[] png = Charts.png(chart, 400, 250, 1.5);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(600);
            assertThat(image.getHeight()).isEqualTo(375);
            assertThat(colours(image)).as("not a blank picture").isGreaterThan(3);
        }
        // two units of one name stay two bars
        assertThat(Charts.build(BARS).getCategoryPlot().getDataset().getColumnCount()).isEqualTo(3);
        assertThat(((NumberAxis) Charts.build(LINES).getCategoryPlot().getRangeAxis()).isInverted()).isTrue();
    }

    @Test
    void theThemeFontShowsChinese() {
        Font font = Charts.theme().getExtraLargeFont();
        assertThat(font.getFamily()).isNotEmpty();
        boolean cjkInstalled = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .stream().anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("总分排名") == -1);
        org.junit.jupiter.api.Assumptions.assumeTrue(cjkInstalled, "no CJK font on this machine (fonts-wqy-microhei)");
        assertThat(font.canDisplayUpTo("跨越发展类：总分")).as("SansSerif falls back to a CJK font").isEqualTo(-1);
    }

    @Test
    void aLargeZoneShowsItsBestAndLastAndAShortOneAll() {
        LargeCase c = new LargeCase(600, 12, 7);
        PeriodResult result = PeriodAssessor.assess(new ScoringEngine(c.scheme).session(c.data,
                org.sanlian.workbench.core.model.DataSet.empty()), c.period);
        MeetingReport report = ReportBuilder.build(result, List.of(), Optional.empty(), java.time.LocalDate.of(2026, 1, 1),
                "x", false, List.of());
        List<MeetingCharts.ZoneCharts> zones = MeetingCharts.of(report);
        assertThat(zones).hasSize(10);
        for (MeetingCharts.ZoneCharts z : zones) {
            assertThat(z.units()).isEqualTo(60);
            assertThat(z.totals().categories()).hasSize(MeetingCharts.MAX_BARS + 1);
            assertThat(z.totals().categories().get(MeetingCharts.MAX_BARS / 2)).isEqualTo(MeetingCharts.GAP);
            assertThat(z.totals().value(0, MeetingCharts.MAX_BARS / 2)).isNaN();
            assertThat(z.totals().title()).contains("前 20 名与后 20 名").contains("共 60 个单位");
            assertThat(z.shown().get(0).zoneRank()).isEqualTo(1);
            assertThat(z.shown().get(z.shown().size() - 1).zoneRank()).isEqualTo(60);
            // the single top dimension (INDEX) splits into its three sub-indices
            assertThat(z.dimensions().get().series()).containsExactly("分项0", "分项1", "分项2");
            assertThat(z.trend()).isEmpty();
        }
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
