package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.MeetingCharts;

/**
 * 图表 and 图表数据: for each zone, each chart twice side by side — the native Excel chart
 * ({@link ChartXml}, reading its figures from 图表数据, every series with an explicit fill so
 * LibreOffice draws it) and the same chart drawn by JFreeChart as a picture.
 */
final class ChartSheets {

    /** Rows a chart takes (18 rows of 15 points, 360 pixels), and the blank row after it. */
    static final int CHART_ROWS = 18;
    static final int BLOCK_ROWS = CHART_ROWS + 1;
    static final float ROW_POINTS = 15;
    /** Columns a chart takes (9 columns 10 characters wide, 675 to 775 pixels by application); the picture sits right of it. */
    static final int CHART_COLUMNS = 9;
    static final int COLUMN_CHARACTERS = 10;
    /** The picture's place on the sheet in pixels; it is drawn 1.5 times larger so that it prints sharp. */
    static final int PNG_WIDTH = 720;
    static final int PNG_HEIGHT = 360;
    static final double PNG_SCALE = 1.5;
    /** Beyond this many charts the pictures are drawn at their size on the sheet (1x), to keep big exports quick. */
    static final int SHARP_PICTURES = 8;
    /**
     * Printed at a fixed 65% (not "fit to width": Excel ignores manual page breaks then), two
     * columns of charts fill an A4 landscape page's width and 42 rows its height, so the page breaks
     * keep every chart whole: the title and a zone's first chart, or two charts, to a page.
     */
    static final short PRINT_SCALE = 65;
    static final int ROWS_PER_PAGE = 42;

    private ChartSheets() {
    }

    /** How much larger than its place a picture is drawn: 1.5 for a few charts, 1 for many. */
    static double pictureScale(int charts) {
        return charts <= SHARP_PICTURES ? PNG_SCALE : 1;
    }

    /** The charts in the order they are laid out: per zone, totals, dimensions, trend. */
    static List<ChartData> ordered(List<MeetingCharts.ZoneCharts> zones) {
        List<ChartData> out = new ArrayList<>();
        for (MeetingCharts.ZoneCharts z : zones) {
            out.add(z.totals());
            z.dimensions().ifPresent(out::add);
            z.trend().ifPresent(out::add);
        }
        return out;
    }

    /** Where one chart's figures lie on 图表数据. */
    private record Block(int headerRow, int firstRow, int lastRow) {
    }

    /**
     * Writes both sheets; {@code pictures} gives the charts of {@link #ordered} as PNG, in that order.
     * It is asked for once every native chart is built, so pictures drawn on another thread meanwhile
     * are waited for as late as possible. Returns the number of native charts.
     */
    static int write(SheetKit kit, XSSFSheet charts, XSSFSheet data, List<MeetingCharts.ZoneCharts> zones,
                     PictureSource pictures) throws IOException {
        charts.setDefaultRowHeightInPoints(ROW_POINTS);
        for (int c = 0; c < 2 * CHART_COLUMNS; c++) {
            SheetKit.width(charts, c, COLUMN_CHARACTERS);
        }
        kit.titleBlock(charts, kit.m.text("export.sheet.charts"), 2 * CHART_COLUMNS - 1);
        kit.print(charts, -1, -1, false, 0);
        charts.getPrintSetup().setScale(PRINT_SCALE);
        XSSFDrawing drawing = charts.createDrawingPatriarch();
        int row = 3;
        int pageStart = 0;
        int index = 0;
        int natives = 0;
        List<XSSFClientAnchor> pictureAnchors = new ArrayList<>();
        List<ChartData> all = ordered(zones);
        List<Block> blocks = dataBlocks(kit, data, all);
        for (MeetingCharts.ZoneCharts z : zones) {
            if (row + 1 + BLOCK_ROWS > pageStart + ROWS_PER_PAGE) {
                charts.setRowBreak(row - 1);
                pageStart = row;
            }
            XSSFRow head = charts.createRow(row);
            String heading = z.shown().size() < z.units()
                    ? kit.m.text("export.charts.zone-capped", z.zone().name(), z.units(), z.shown().size() / 2)
                    : kit.m.text("export.charts.zone", z.zone().name(), z.units());
            kit.text(head, 0, heading, kit.styles.section);
            row++;
            int inZone = 1 + (z.dimensions().isPresent() ? 1 : 0) + (z.trend().isPresent() ? 1 : 0);
            for (int k = 0; k < inZone; k++) {
                if (row + BLOCK_ROWS > pageStart + ROWS_PER_PAGE) {
                    charts.setRowBreak(row - 1);
                    pageStart = row;
                }
                XSSFClientAnchor nativeAt = drawing.createAnchor(0, 0, 0, 0, 0, row, CHART_COLUMNS, row + CHART_ROWS);
                // POI makes the chart's part, its frame and relationships; the part's text is ours
                XSSFChart chart = drawing.createChart(nativeAt);
                Block b = blocks.get(index);
                kit.parts.put(chart.getPackagePart().getPartName().getName().substring(1),
                        ChartXml.of(all.get(index), data.getSheetName(), b.headerRow, b.firstRow, b.lastRow));
                natives++;
                index++;
                pictureAnchors.add(drawing.createAnchor(0, 0, 0, 0, CHART_COLUMNS, row, 2 * CHART_COLUMNS,
                        row + CHART_ROWS));
                row += BLOCK_ROWS;
            }
        }
        List<byte[]> pngs = pictures.get();
        for (int i = 0; i < pictureAnchors.size(); i++) {
            drawing.createPicture(pictureAnchors.get(i), kit.wb.addPicture(pngs.get(i), Workbook.PICTURE_TYPE_PNG));
        }
        return natives;
    }

    /** The charts' pictures, drawn elsewhere; {@code get} waits for them. */
    @FunctionalInterface
    interface PictureSource {
        List<byte[]> get() throws IOException;
    }

    /**
     * 图表数据: each chart's figures as a small table (a title row, a header row of series names, one
     * row per category), streamed like the other tables; the native charts refer to these cells and
     * carry the same figures in their caches.
     */
    private static List<Block> dataBlocks(SheetKit kit, XSSFSheet data, List<ChartData> charts) {
        kit.titleBlock(data, kit.m.text("export.sheet.chart-data"), 6);
        kit.print(data, -1, -1, true, 0);
        SheetKit.width(data, 0, 18);
        List<Block> blocks = new ArrayList<>();
        int top = 3;
        int widest = 0;
        for (ChartData chart : charts) {
            Block b = new Block(top + 1, top + 2, top + 1 + chart.categories().size());
            blocks.add(b);
            top = b.lastRow + 2;
            widest = Math.max(widest, chart.series().size());
        }
        for (int c = 1; c <= widest; c++) {
            SheetKit.width(data, c, 12);
        }
        Styles st = kit.styles;
        int last = blocks.isEmpty() ? 2 : blocks.get(blocks.size() - 1).lastRow;
        kit.body(data, last, widest, w -> {
            for (int i = 0; i < charts.size(); i++) {
                ChartData chart = charts.get(i);
                Block b = blocks.get(i);
                w.row(b.headerRow - 1);
                w.text(0, chart.title(), st.text(kit.styles.section, chart.title()));
                w.row(b.headerRow);
                w.text(0, chart.categoryAxis(), st.text(kit.styles.header, chart.categoryAxis()));
                for (int s = 0; s < chart.series().size(); s++) {
                    w.text(s + 1, chart.series().get(s), st.text(kit.styles.header, chart.series().get(s)));
                }
                int number = st.index(chart.ranks() ? Styles.Kind.INTEGER : Styles.Kind.SCORE, Styles.Fill.NONE);
                for (int c = 0; c < chart.categories().size(); c++) {
                    w.row(b.firstRow + c);
                    String category = chart.categories().get(c);
                    w.text(0, category, st.text(Styles.Kind.TEXT, Styles.Fill.NONE, category));
                    for (int s = 0; s < chart.series().size(); s++) {
                        w.number(s + 1, chart.value(s, c), number);
                    }
                }
            }
        });
        return blocks;
    }
}
