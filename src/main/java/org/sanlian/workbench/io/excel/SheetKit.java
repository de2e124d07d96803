package org.sanlian.workbench.io.excel;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCols;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.report.ReportText;

/**
 * What every sheet of the meeting workbook shares: the workbook, its styles, the report, the streamed
 * bodies, and the title block, header row and print setup every sheet has.
 */
final class SheetKit {

    /** Rows 1-2 hold the title and the issuer line; a sheet's header starts on row 3. */
    static final int HEADER_ROW = 2;

    final XSSFWorkbook wb;
    final Styles styles;
    final MeetingReport report;
    final java.util.function.Supplier<String> contentHash;
    final Messages m = Messages.get();
    final Map<XSSFSheet, XlsxAssembler.Body> bodies = new LinkedHashMap<>();
    final Map<XSSFSheet, CompletableFuture<XlsxAssembler.Segment>> segments = new LinkedHashMap<>();
    /** Parts whose text is written here rather than by POI (the native charts), by part name. */
    final Map<String, byte[]> parts = new LinkedHashMap<>();
    private final Executor bodyWriter;
    private final Set<String> names = new HashSet<>();
    /** Quote-prefixed copies of the styles, made once each. */
    private final Map<XSSFCellStyle, XSSFCellStyle> quoted = new java.util.IdentityHashMap<>();

    /** {@code bodyWriter} writes the streamed tables while POI builds the rest. */
    SheetKit(XSSFWorkbook wb, MeetingReport report, java.util.function.Supplier<String> contentHash,
             Executor bodyWriter) {
        this.wb = wb;
        this.bodyWriter = bodyWriter;
        this.report = report;
        this.contentHash = contentHash;
        this.styles = new Styles(wb, report.scheme().decimals());
    }

    /** A new sheet with a valid, unique name (Excel allows 31 characters and no []:*?/\). */
    XSSFSheet sheet(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted.isBlank() ? "Sheet" : wanted, '_');
        String name = base;
        for (int i = 2; names.contains(name.toLowerCase()); i++) {
            String suffix = "(" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        names.add(name.toLowerCase());
        return wb.createSheet(name);
    }

    /** The sheet's title: scheme, period, what the sheet shows, the bulletin number, the simulated mark. */
    String title(String what) {
        String t = report.bulletin().isPresent()
                ? m.text("export.title.bulletin", report.scheme().name(), ReportText.period(report.period()), what,
                        report.bulletin().get())
                : m.text("export.title", report.scheme().name(), ReportText.period(report.period()), what);
        return report.simulated() ? t + m.text("export.title.simulated") : t;
    }

    /** 发文单位 and date, as the second line of every sheet. */
    String issuedLine() {
        return m.text("export.issued", report.issuer(), date(report.issuedOn()));
    }

    String date(LocalDate d) {
        return m.text("export.date", Integer.toString(d.getYear()), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Rows 1 and 2: the title (merged over the table's width) and the issuer line. */
    void titleBlock(XSSFSheet sheet, String what, int lastColumn) {
        XSSFRow r0 = sheet.createRow(0);
        r0.setHeightInPoints(26);
        text(r0, 0, title(what), styles.title);
        XSSFRow r1 = sheet.createRow(1);
        text(r1, 0, issuedLine(), styles.subtitle);
        int merge = Math.min(Math.max(lastColumn, 0), 15);
        if (merge > 0) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(0, 0, 0, merge));
            sheet.addMergedRegionUnsafe(new CellRangeAddress(1, 1, 0, merge));
        }
    }

    /** A header row of labels from column {@code first}. */
    XSSFRow header(XSSFSheet sheet, int row, int first, List<String> labels) {
        XSSFRow r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        for (int i = 0; i < labels.size(); i++) {
            text(r, first + i, labels.get(i), styles.header);
        }
        return r;
    }

    /** A text cell written by POI; text that looks like a formula keeps a quote-prefixed style. */
    XSSFCell text(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell c = row.createCell(column);
        c.setCellValue(text);
        if (Styles.needsQuote(text)) {
            c.setCellStyle(quoted.computeIfAbsent(style, s -> {
                XSSFCellStyle q = wb.createCellStyle();
                q.cloneStyleFrom(s);
                q.setQuotePrefixed(true);
                return q;
            }));
        } else {
            c.setCellStyle(style);
        }
        return c;
    }

    /**
     * A4 landscape, narrow margins, the header rows repeated on every page, page numbers in the
     * footer; fit to one page wide when {@code fitWidth}, else the first {@code repeatColumns}
     * columns repeat on every page as well.
     */
    void print(XSSFSheet sheet, int firstHeaderRow, int lastHeaderRow, boolean fitWidth, int repeatColumns) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        if (fitWidth) {
            sheet.setFitToPage(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
        }
        if (firstHeaderRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(firstHeaderRow, lastHeaderRow, -1, -1));
        }
        if (repeatColumns > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, repeatColumns - 1));
        }
        sheet.setHorizontallyCenter(true);
        sheet.getFooter().setCenter(m.text("export.footer.page", "&P", "&N"));
        sheet.getFooter().setRight(escapeHeader(report.issuer()));
        sheet.getHeader().setLeft(escapeHeader(title(sheet.getSheetName())));
    }

    /** The fill of a row: light red for an interview, light yellow for a reminder. */
    static Styles.Fill fill(ReportRow r) {
        if (r.bottom().isEmpty()) {
            return Styles.Fill.NONE;
        }
        return r.bottom().get().level() == org.sanlian.workbench.core.bottom.Level.REMINDER
                ? Styles.Fill.REMINDER : Styles.Fill.LISTED;
    }

    /** The bottom-list mark of a row: 约谈 / 升级约谈 / 提醒, with 一票否决 where vetoed. */
    String mark(ReportRow r) {
        String level = r.bottom().map(b -> ReportText.level(b.level())).orElse("");
        if (!r.vetoed()) {
            return level;
        }
        return level.isEmpty() ? m.text("ui.veto") : m.text("export.mark.vetoed", level, m.text("ui.veto"));
    }

    /**
     * A sheet's streamed rows, started at once on the body writer: they may read the report and the
     * styles made so far, nothing that POI is still changing.
     */
    void body(XSSFSheet sheet, int lastRow, int lastColumn, XlsxAssembler.Rows rows) {
        XlsxAssembler.Body body = new XlsxAssembler.Body(lastRow, lastColumn, rows);
        bodies.put(sheet, body);
        segments.put(sheet, XlsxAssembler.start(sheet.getSheetName(), body, bodyWriter));
    }

    /**
     * Column width in characters (a Chinese character counts two). A column right of every column
     * set so far is appended to the sheet's {@code cols} directly: POI's setColumnWidth tidies all
     * columns on every call, which for the detail's 243 columns took a tenth of a second.
     */
    static void width(XSSFSheet sheet, int column, double characters) {
        double width = Math.min(255, Math.round(characters * 256) / 256.0);
        CTWorksheet ws = sheet.getCTWorksheet();
        CTCols cols = ws.sizeOfColsArray() > 0 ? ws.getColsArray(ws.sizeOfColsArray() - 1) : ws.addNewCols();
        int n = cols.sizeOfColArray();
        long lastMax = n == 0 ? 0 : cols.getColArray(n - 1).getMax();
        if (column + 1 > lastMax) {
            CTCol col = cols.addNewCol();
            col.setMin(column + 1);
            col.setMax(column + 1);
            col.setWidth(width);
            col.setCustomWidth(true);
        } else {
            sheet.setColumnWidth(column, (int) Math.round(width * 256));
        }
    }

    /** The width of text in characters, a Chinese (wide) character counting two. */
    static int textWidth(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x1100 ? 1 : 2;
        }
        return w;
    }

    /** Header and footer text: a lone &amp; starts a code there, so it is doubled. */
    private static String escapeHeader(String text) {
        return text.replace("&", "&&");
    }
}
