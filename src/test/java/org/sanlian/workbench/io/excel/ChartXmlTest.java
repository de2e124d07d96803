package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTOverlap;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.Charts;

/**
 * The native charts' text against POI's XDDF: for every kind of chart the meeting workbook has, the
 * part {@link ChartXml} writes is, character for character, the part XDDF writes when the chart is
 * built with the calls the workbook used before (kept below as the reference).
 */
class ChartXmlTest {

    private static final double NAN = Double.NaN;

    private static ChartData bars() {
        return new ChartData(ChartData.Kind.BAR, "一区：总分（共 3 个单位）", "单位", "得分",
                List.of("甲县", "乙县 & <丙>", "⋯"), List.of("总分"), new double[][] {{88.5, 70.25, NAN}}, false);
    }

    private static ChartData stacked() {
        return new ChartData(ChartData.Kind.STACKED_BAR, "一区：各维度得分", "单位", "得分", List.of("甲县", "乙县"),
                List.of("创新链", "产业链", "人才链"), new double[][] {{30, 31.5}, {20.125, 0}, {10, 12}}, false);
    }

    private static ChartData trend() {
        return new ChartData(ChartData.Kind.LINE, "一区：总分趋势", "考核期", "总分", List.of("2023", "2024", "2025"),
                List.of("甲县"), new double[][] {{81.5, NAN, 90}}, false);
    }

    private static ChartData rankTrend() {
        return new ChartData(ChartData.Kind.LINE, "一区：名次趋势", "考核期", "名次", List.of("2023", "2024", "2025"),
                List.of("甲县", "乙县", "丙县"), new double[][] {{1, 2, 1}, {2, 1, NAN}, {3, 3, 2}}, true);
    }

    @Test
    void everyKindOfChartIsWrittenAsXddfWritesIt() throws IOException {
        for (ChartData spec : List.of(bars(), stacked(), trend(), rankTrend())) {
            for (String sheet : List.of("图表数据", "Chart data")) {
                String ours = new String(ChartXml.of(spec, sheet, 4, 5, 4 + spec.categories().size()),
                        StandardCharsets.UTF_8);
                assertThat(ours).as(spec.title() + " on " + sheet).isEqualTo(xddf(spec, sheet, 4, 5,
                        4 + spec.categories().size()));
            }
        }
    }

    @Test
    void textThatXmlCannotHoldIsLeftOutAndMarkupIsEscaped() {
        StringBuilder x = new StringBuilder();
        ChartXml.text(x, "a&b<c>d\u0001e\tf\uD800g\uD83D\uDE00h\uFFFF]]>");
        assertThat(x.toString()).isEqualTo("a&amp;b&lt;c>de\tfg\uD83D\uDE00h]]&gt;");
    }

    /** The chart part as POI writes it after XDDF built the chart. */
    private static String xddf(ChartData spec, String dataSheet, int headerRow, int firstRow, int lastRow)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFDrawing drawing = wb.createSheet("图表").createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, 0, 9, 18));
            xddfChart(chart, spec, dataSheet, headerRow, firstRow, lastRow);
            wb.write(bytes);
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("xl/charts/chart1.xml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no chart part written");
    }

    /** The native chart as the meeting workbook built it with XDDF until ChartXml took over. */
    private static void xddfChart(XSSFChart chart, ChartData spec, String dataSheet, int headerRow, int firstRow, int lastRow) {
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(spec.categoryAxis());
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(spec.valueAxis());
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        // the figures from the chart's data (its cache), the reference to 图表数据 where they are written
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(
                spec.categories().toArray(new String[0]),
                new CellRangeAddress(firstRow, lastRow, 0, 0).formatAsString(dataSheet, true));
        XDDFChartData plot;
        if (spec.kind() == ChartData.Kind.LINE) {
            XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
            if (spec.ranks()) {
                y.setOrientation(AxisOrientation.MAX_MIN);
                x.setCrosses(AxisCrosses.MAX); // the category axis stays at the bottom, below the last rank
                y.setMinimum(1);
                y.setMajorUnit(1);
            }
            plot = line;
        } else {
            XDDFBarChartData bar = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            bar.setBarDirection(BarDirection.COL);
            if (spec.kind() == ChartData.Kind.STACKED_BAR) {
                bar.setBarGrouping(BarGrouping.STACKED);
            }
            bar.setGapWidth(60);
            plot = bar;
        }
        plot.setVaryColors(false);
        for (int s = 0; s < spec.series().size(); s++) {
            Double[] points = new Double[spec.categories().size()];
            for (int c = 0; c < points.length; c++) {
                double v = spec.value(s, c);
                points[c] = Double.isNaN(v) ? null : v;
            }
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(points,
                    new CellRangeAddress(firstRow, lastRow, s + 1, s + 1).formatAsString(dataSheet, true));
            XDDFChartData.Series series = plot.addSeries(categories, values);
            series.setTitle(spec.series().get(s), new CellReference(dataSheet, headerRow, s + 1, true, true));
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(Styles.rgb(Charts.PALETTE[
                    s % Charts.PALETTE.length])));
            XDDFShapeProperties shape = new XDDFShapeProperties();
            if (spec.kind() == ChartData.Kind.LINE) {
                XDDFLineProperties lineProperties = new XDDFLineProperties();
                lineProperties.setFillProperties(fill);
                lineProperties.setWidth(2.0);
                shape.setLineProperties(lineProperties);
                XDDFLineChartData.Series ls = (XDDFLineChartData.Series) series;
                ls.setMarkerStyle(MarkerStyle.CIRCLE);
                ls.setSmooth(false);
            } else {
                shape.setFillProperties(fill);
                XDDFLineProperties outline = new XDDFLineProperties();
                outline.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.WHITE)));
                shape.setLineProperties(outline);
            }
            series.setShapeProperties(shape);
        }
        chart.plot(plot);
        if (spec.kind() == ChartData.Kind.STACKED_BAR) {
            // stacked bars need a 100% overlap; XDDF's setOverlap needs a schema type poi-ooxml-lite lacks
            CTBarChart ct = chart.getCTChart().getPlotArea().getBarChartArray(0);
            CTOverlap overlap = ct.isSetOverlap() ? ct.getOverlap() : ct.addNewOverlap();
            try (XmlCursor cursor = overlap.newCursor()) {
                cursor.setAttributeText(new QName("val"), "100");
            }
        }
        if (spec.series().size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
    }
}
