package org.sanlian.workbench.io.excel;

import static org.sanlian.workbench.io.excel.TemplateFormat.COLUMNS;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_CODE;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_MEASURE;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_NAME;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_NOTE;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_NUMBER;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_PREVIOUS;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_RULE;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_VALUE;
import static org.sanlian.workbench.io.excel.TemplateFormat.FIRST_ITEM_ROW;
import static org.sanlian.workbench.io.excel.TemplateFormat.GUIDE_ROW;
import static org.sanlian.workbench.io.excel.TemplateFormat.HEADER_ROW;
import static org.sanlian.workbench.io.excel.TemplateFormat.TITLE_ROW;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * Writes one fill-in template (.xlsx) in the layout of {@link TemplateFormat}: the data sheet with
 * only the value and note cells unlocked, bounds as Excel data validation, the instructions sheet,
 * and the very hidden, signed metadata sheet. The sheet and the workbook structure are protected.
 */
public final class TemplateWriter {

    /** Whole numbers or decimals without bounds are still kept to what a figure can be. */
    private static final String HUGE = "1000000000000000";

    private TemplateWriter() {
    }

    /**
     * Writes the template of {@code spec}, signed with {@code key}, to {@code file} (replacing it;
     * written under a temporary name first, so a half-written file never carries the name).
     * {@code generatedAt} is recorded for people, outside the signature.
     */
    public static void write(TemplateSpec spec, byte[] key, String generatedAt, Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (XSSFWorkbook wb = build(spec, key, generatedAt);
             OutputStream out = Files.newOutputStream(part)) {
            wb.write(out);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new ValidationException(Issue.of(file.toString(), "file.unwritable", file, String.valueOf(e.getMessage())));
        }
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new ValidationException(Issue.of(file.toString(), "file.unwritable", file, String.valueOf(e.getMessage())));
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the failure that brought us here is the one to report
        }
    }

    static XSSFWorkbook build(TemplateSpec spec, byte[] key, String generatedAt) {
        Messages m = Messages.get();
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getFontAt(0).setFontName("宋体");
        String sheetName = m.text("excel.template.sheet");
        TemplateFormat.Identity identity = spec.identity(sheetName);
        Styles styles = new Styles(wb);
        XSSFSheet data = wb.createSheet(sheetName);
        String password = TemplateFormat.protectionPassword(key);
        writeData(spec, data, styles, m, password);
        XSSFSheet help = wb.createSheet(m.text("excel.template.help-sheet"));
        writeHelp(spec, help, styles, m, password);
        XSSFSheet meta = wb.createSheet(TemplateFormat.META_SHEET);
        writeMeta(identity, TemplateFormat.sign(identity, key), generatedAt, meta, password);
        wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
        wb.setActiveSheet(0);
        wb.setFirstVisibleTab(0);
        wb.setWorkbookPassword(password, HashAlgorithm.sha512);
        wb.lockStructure();
        return wb;
    }

    private static void writeData(TemplateSpec spec, XSSFSheet sheet, Styles s, Messages m, String password) {
        List<TemplateSpec.Item> items = spec.items();
        Row title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(28);
        s.text(title, 0, m.text("excel.template.title", spec.scheme().name()), s.title);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, COLUMNS - 1));

        CellReference unitCell = new CellReference(TemplateFormat.UNIT_CELL);
        Row r2 = sheet.createRow(unitCell.getRow());
        s.text(r2, 0, m.text("excel.template.unit"), s.label);
        s.text(r2, 1, spec.unit().name(), s.value);
        s.text(r2, unitCell.getCol() - 1, m.text("excel.template.unit-code"), s.label);
        s.text(r2, unitCell.getCol(), spec.unit().code(), s.value);

        CellReference periodCell = new CellReference(TemplateFormat.PERIOD_CELL);
        Row r3 = sheet.createRow(periodCell.getRow());
        s.text(r3, periodCell.getCol() - 1, m.text("excel.template.period"), s.label);
        s.text(r3, periodCell.getCol(), spec.period().toString(), s.value);
        s.text(r3, 3, m.text("excel.template.scheme"), s.label);
        s.text(r3, 4, m.text("excel.template.scheme-value", spec.scheme().code(), Integer.toString(spec.schemeYear())),
                s.value);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(periodCell.getRow(), periodCell.getRow(), 4, COLUMNS - 1));

        Row guide = sheet.createRow(GUIDE_ROW);
        guide.setHeightInPoints(32);
        s.text(guide, 0, m.text("excel.template.guide"), s.guide);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(GUIDE_ROW, GUIDE_ROW, 0, COLUMNS - 1));

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        s.text(header, COL_NUMBER, m.text("excel.template.col.number"), s.header);
        s.text(header, COL_CODE, m.text("excel.template.col.code"), s.header);
        s.text(header, COL_NAME, m.text("excel.template.col.name"), s.header);
        s.text(header, COL_MEASURE, m.text("excel.template.col.measure"), s.header);
        s.text(header, COL_PREVIOUS, m.text("excel.template.col.previous", spec.period().previous().toString()), s.header);
        s.text(header, COL_VALUE, m.text("excel.template.col.value", spec.period().toString()), s.header);
        s.text(header, COL_RULE, m.text("excel.template.col.rule"), s.header);
        s.text(header, COL_NOTE, m.text("excel.template.col.note"), s.header);

        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < items.size(); i++) {
            TemplateSpec.Item item = items.get(i);
            int rowIndex = FIRST_ITEM_ROW + i;
            Row row = sheet.createRow(rowIndex);
            Cell number = row.createCell(COL_NUMBER);
            number.setCellValue(i + 1);
            number.setCellStyle(s.bodyCentered);
            s.text(row, COL_CODE, item.code(), s.body);
            s.text(row, COL_NAME, item.name(), s.body);
            s.text(row, COL_MEASURE, item.measure(), s.bodyCentered);
            Cell previous = row.createCell(COL_PREVIOUS);
            previous.setCellStyle(s.bodyNumber);
            if (item.previous().isPresent()) {
                previous.setCellValue(item.previous().getAsDouble());
            }
            String rule = rule(item, m);
            s.text(row, COL_RULE, rule, s.body);
            row.createCell(COL_VALUE).setCellStyle(item.integer() ? s.inputInteger : s.inputNumber);
            row.createCell(COL_NOTE).setCellStyle(s.inputNote);
            sheet.addValidationData(validation(helper, item, rule, rowIndex, m));
        }

        sheet.setColumnWidth(COL_NUMBER, 6 * 256);
        sheet.setColumnWidth(COL_CODE, 14 * 256);
        sheet.setColumnWidth(COL_NAME, 40 * 256);
        sheet.setColumnWidth(COL_MEASURE, 10 * 256);
        sheet.setColumnWidth(COL_PREVIOUS, 16 * 256);
        sheet.setColumnWidth(COL_VALUE, 18 * 256);
        sheet.setColumnWidth(COL_RULE, 18 * 256);
        sheet.setColumnWidth(COL_NOTE, 36 * 256);
        sheet.createFreezePane(0, FIRST_ITEM_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        protect(sheet, password);
        sheet.setActiveCell(new CellAddress(FIRST_ITEM_ROW, COL_VALUE));
    }

    /** What a value must be, as the template says it: 整数，≥ 0 / 数值，0 ~ 100. */
    static String rule(TemplateSpec.Item item, Messages m) {
        String kind = m.text(item.integer() ? "excel.template.rule.integer" : "excel.template.rule.number");
        if (item.min().isPresent() && item.max().isPresent()) {
            return m.text("excel.template.rule.range", kind, FigureRows.plain(item.min().getAsDouble()),
                    FigureRows.plain(item.max().getAsDouble()));
        }
        if (item.min().isPresent()) {
            return m.text("excel.template.rule.min", kind, FigureRows.plain(item.min().getAsDouble()));
        }
        if (item.max().isPresent()) {
            return m.text("excel.template.rule.max", kind, FigureRows.plain(item.max().getAsDouble()));
        }
        return kind;
    }

    private static DataValidation validation(DataValidationHelper helper, TemplateSpec.Item item, String rule,
                                             int rowIndex, Messages m) {
        String min = item.min().isPresent() ? FigureRows.plain(item.min().getAsDouble()) : null;
        String max = item.max().isPresent() ? FigureRows.plain(item.max().getAsDouble()) : null;
        int operator;
        String first;
        String second = null;
        if (min != null && max != null) {
            operator = OperatorType.BETWEEN;
            first = min;
            second = max;
        } else if (min != null) {
            operator = OperatorType.GREATER_OR_EQUAL;
            first = min;
        } else if (max != null) {
            operator = OperatorType.LESS_OR_EQUAL;
            first = max;
        } else {
            operator = OperatorType.BETWEEN;
            first = "-" + HUGE;
            second = HUGE;
        }
        DataValidationConstraint constraint = item.integer() ? helper.createIntegerConstraint(operator, first, second)
                : helper.createDecimalConstraint(operator, first, second);
        DataValidation v = helper.createValidation(constraint,
                new CellRangeAddressList(rowIndex, rowIndex, COL_VALUE, COL_VALUE));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.createErrorBox(m.text("excel.template.error-title"), clip(m.text("excel.template.error", item.name(), rule), 255));
        v.setShowPromptBox(true);
        v.createPromptBox(m.text("excel.template.prompt-title"), clip(m.text("excel.template.prompt", rule,
                item.measure().isEmpty() ? "-" : item.measure()), 255));
        return v;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static void writeHelp(TemplateSpec spec, XSSFSheet sheet, Styles s, Messages m, String password) {
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        s.text(title, 0, m.text("excel.template.help.title"), s.helpTitle);
        String unit = spec.unit().name() + "（" + spec.unit().code() + "）";
        String scheme = m.text("excel.template.scheme-value", spec.scheme().code(), Integer.toString(spec.schemeYear()));
        for (int i = 1; m.has("excel.template.help." + i); i++) {
            Row row = sheet.createRow(i + 1);
            s.text(row, 0, i + ".", s.helpNumber);
            s.text(row, 1, m.text("excel.template.help." + i, unit, spec.period().toString(), scheme,
                    spec.period().previous().toString(), m.text("excel.template.sheet")), s.help);
        }
        sheet.setColumnWidth(0, 5 * 256);
        sheet.setColumnWidth(1, 110 * 256);
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        protect(sheet, password);
    }

    private static void writeMeta(TemplateFormat.Identity id, String signature, String generatedAt, XSSFSheet sheet,
                                  String password) {
        String[] values = {TemplateFormat.FORMAT, id.unit(), id.period(), id.schemeCode(),
            Integer.toString(id.schemeYear()), id.sheet(), Integer.toString(id.slots().size()), signature, generatedAt};
        for (int i = 0; i < values.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(TemplateFormat.META_KEYS[i]);
            row.createCell(1).setCellValue(values[i]);
        }
        for (int i = 0; i < id.slots().size(); i++) {
            TemplateFormat.Slot slot = id.slots().get(i);
            Row row = sheet.createRow(TemplateFormat.META_LAYOUT_ROW + i);
            row.createCell(0).setCellValue(slot.code());
            row.createCell(1).setCellValue(slot.valueCell());
            row.createCell(2).setCellValue(slot.noteCell());
        }
        protect(sheet, password);
    }

    private static void protect(XSSFSheet sheet, String password) {
        sheet.setSheetPassword(password, HashAlgorithm.sha512);
        sheet.enableLocking();
        // people may still widen columns and rows to read long names
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The few styles a template uses. Every style is locked unless it is an input's. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle value;
        final CellStyle guide;
        final CellStyle header;
        final CellStyle body;
        final CellStyle bodyCentered;
        final CellStyle bodyNumber;
        final CellStyle inputNumber;
        final CellStyle inputInteger;
        final CellStyle inputNote;
        final CellStyle help;
        final CellStyle helpTitle;
        final CellStyle helpNumber;

        private final XSSFWorkbook wb;
        /** Quote-prefixed twins of the styles, for text that Excel would take for a formula when edited. */
        private final java.util.Map<CellStyle, CellStyle> quoted = new java.util.HashMap<>();

        /** A text cell; text beginning with = + - @ gets the quote-prefixed twin of {@code style}. */
        void text(Row row, int column, String value, CellStyle style) {
            TemplateWriter.text(row, column, value, !org.sanlian.workbench.io.excel.Styles.needsQuote(value) ? style
                    : quoted.computeIfAbsent(style, st -> {
                        CellStyle q = wb.createCellStyle();
                        q.cloneStyleFrom(st);
                        q.setQuotePrefixed(true);
                        return q;
                    }));
        }

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setFontName("宋体");
            bold.setBold(true);
            Font big = wb.createFont();
            big.setFontName("宋体");
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            short general = wb.createDataFormat().getFormat("General");
            short integer = wb.createDataFormat().getFormat("0");
            short textFormat = wb.createDataFormat().getFormat("@");

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            label = wb.createCellStyle();
            label.setFont(bold);
            value = wb.createCellStyle();
            guide = wb.createCellStyle();
            guide.setWrapText(true);
            guide.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            body = bordered(wb);
            body.setWrapText(true);
            bodyCentered = bordered(wb);
            bodyCentered.setAlignment(HorizontalAlignment.CENTER);
            bodyNumber = bordered(wb);
            bodyNumber.setDataFormat(general);
            inputNumber = input(wb, general);
            inputInteger = input(wb, integer);
            inputNote = input(wb, textFormat);
            inputNote.setWrapText(true);
            helpTitle = wb.createCellStyle();
            helpTitle.setFont(big);
            help = wb.createCellStyle();
            help.setWrapText(true);
            help.setVerticalAlignment(VerticalAlignment.TOP);
            helpNumber = wb.createCellStyle();
            helpNumber.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setLocked(true);
            return s;
        }

        private static CellStyle input(XSSFWorkbook wb, short format) {
            CellStyle s = bordered(wb);
            s.setDataFormat(format);
            s.setLocked(false);
            s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }
    }
}
