package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * A plain data workbook: the data file's long format ({@code period, unit, code, value, note}) on
 * the first sheet, the header on its first non-blank row, columns found by their names (in any
 * case, and the Chinese names 考核期, 单位代码, 代码, 数值, 备注). Every row gets the checks of
 * {@link FigureRows}; values are read by {@link Cells#value}.
 */
final class PlainReader {

    static final String PERIOD = "period";
    static final String UNIT = "unit";
    static final String CODE = "code";
    static final String VALUE = "value";
    static final String NOTE = "note";
    private static final List<String> REQUIRED = List.of(PERIOD, UNIT, CODE, VALUE);
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("period", PERIOD), Map.entry("考核期", PERIOD),
            Map.entry("unit", UNIT), Map.entry("单位代码", UNIT),
            Map.entry("code", CODE), Map.entry("代码", CODE), Map.entry("指标代码", CODE),
            Map.entry("value", VALUE), Map.entry("数值", VALUE),
            Map.entry("note", NOTE), Map.entry("备注", NOTE));

    private PlainReader() {
    }

    static WorkbookReader.Result read(Workbook wb, String name, WorkbookReader.Context context, Findings findings) {
        if (wb.getNumberOfSheets() == 0) {
            findings.error(Issue.of(name, "excel.empty-sheet", name));
            findings.throwIfErrors();
        }
        Sheet sheet = wb.getSheetAt(0);
        Row header = firstNonBlank(sheet);
        if (header == null) {
            findings.error(Issue.of(name + ":" + sheet.getSheetName(), "excel.empty-sheet", sheet.getSheetName()));
            findings.throwIfErrors();
        }
        Map<String, Integer> columns = header(sheet, header, name, findings);
        if (columns == null) {
            if (wb.getSheet(Messages.get().text("excel.template.sheet")) != null) {
                findings.error(Issue.of(name, "excel.template-meta-missing", TemplateFormat.META_SHEET));
            } else {
                findings.error(Issue.of(name + ":" + sheet.getSheetName(), "excel.missing-header",
                        String.join(", ", REQUIRED) + ", note"));
            }
            findings.throwIfErrors();
        }
        findings.throwIfErrors();

        FigureRows checks = new FigureRows(context.scheme(), context.kind(), "excel.duplicate");
        Set<Integer> named = new HashSet<>(columns.values());
        Set<Integer> strayColumns = new HashSet<>();
        Map<String, Integer> byUnit = new LinkedHashMap<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean any = false;
            for (Cell c : row) {
                if (!Cells.blank(c)) {
                    any = true;
                    if (!named.contains(c.getColumnIndex()) && strayColumns.add(c.getColumnIndex())) {
                        findings.error(Issue.of(Cells.where(name, sheet, r, c.getColumnIndex()), "excel.unnamed-column",
                                CellReference.convertNumToColString(c.getColumnIndex())));
                    }
                }
            }
            if (!any) {
                continue;
            }
            List<Issue> found = new ArrayList<>();
            int warningsBefore = findings.warningCount();
            FigureRows.Cell period = cell(sheet, row, columns.get(PERIOD), name, found);
            FigureRows.Cell unit = cell(sheet, row, columns.get(UNIT), name, found);
            FigureRows.Cell code = cell(sheet, row, columns.get(CODE), name, found);
            int valueColumn = columns.get(VALUE);
            FigureRows.ValueCell value = Cells.value(row.getCell(valueColumn), Cells.where(name, sheet, r, valueColumn),
                    found, findings);
            FigureRows.Cell note = cell(sheet, row, columns.get(NOTE), name, found);
            String label = new CellReference(sheet.getSheetName(), r, columns.get(CODE), false, false).formatAsString();
            checks.row(period, unit, code, value, note == null ? "" : note.text(), label, found);
            Cells.byColumn(found);
            findings.errors(found);
            if (unit != null && findings.warningCount() > warningsBefore) {
                byUnit.merge(unit.text(), findings.warningCount() - warningsBefore, Integer::sum);
            }
        }
        findings.throwIfErrors();
        return new WorkbookReader.Result(new DataSet(checks.observations()), findings.warnings(), byUnit,
                Optional.empty());
    }

    private static Row firstNonBlank(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell c : row) {
                if (!Cells.blank(c)) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The column of each known name, or null when the row names none of them (no header at all). */
    private static Map<String, Integer> header(Sheet sheet, Row header, String name, Findings findings) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Issue> unknown = new ArrayList<>();
        List<Issue> ignored = new ArrayList<>();
        for (Cell c : header) {
            if (Cells.blank(c)) {
                continue;
            }
            String where = Cells.where(name, sheet, header.getRowNum(), c.getColumnIndex());
            String text = Cells.text(c, where, ignored);
            String column = NAMES.get(text.toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add(Issue.of(where, "excel.unknown-column", text, "period, unit, code, value, note"));
            } else if (columns.containsKey(column)) {
                unknown.add(Issue.of(where, "excel.duplicate-column", text,
                        new CellReference(sheet.getSheetName(), header.getRowNum(), columns.get(column), false, false)
                                .formatAsString()));
            } else {
                columns.put(column, c.getColumnIndex());
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        unknown.forEach(findings::error);
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                findings.error(Issue.of(Cells.where(name, sheet, header.getRowNum(), header.getFirstCellNum()),
                        "csv.missing-column", required));
            }
        }
        return columns;
    }

    private static FigureRows.Cell cell(Sheet sheet, Row row, Integer column, String name, List<Issue> found) {
        if (column == null) {
            return null;
        }
        String where = Cells.where(name, sheet, row.getRowNum(), column);
        return new FigureRows.Cell(Cells.text(row.getCell(column), where, found), where);
    }
}
