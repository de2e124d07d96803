package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.util.CellReference;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * A plain data workbook: the data file's long format ({@code period, unit, code, value, note}) on
 * the first sheet, the header on its first non-blank row, columns found by their names (in any
 * case, and the Chinese names 考核期, 单位代码, 代码, 数值, 备注). Every row gets the checks of
 * {@link FigureRows}; values are read by {@link Cells#value}. Rows arrive one at a time (an .xlsx
 * sheet is streamed), so memory follows the figures kept, not the file.
 */
final class PlainReader implements SheetStream.RowSink {

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

    private final String name;
    private final String sheet;
    private final Findings findings;
    private final FigureRows checks;
    /** The column of each known name once the header is read; null before, empty when it was no header. */
    private Map<String, Integer> columns;
    private int headerRow = -1;
    private int headerFirstColumn;
    private boolean headerBroken;
    private final Set<Integer> strayColumns = new HashSet<>();
    private final Map<String, Integer> byUnit = new LinkedHashMap<>();

    private PlainReader(String name, String sheet, WorkbookReader.Context context, Findings findings) {
        this.name = name;
        this.sheet = sheet;
        this.findings = findings;
        this.checks = new FigureRows(context.scheme(), context.kind(), "excel.duplicate");
    }

    static WorkbookReader.Result read(WorkbookFiles.Opened opened, String name, WorkbookReader.Context context,
                                      Findings findings) throws IOException {
        String sheet = opened.sheetNames().get(0);
        PlainReader reader = new PlainReader(name, sheet, context, findings);
        opened.firstSheetRows(reader);
        if (reader.columns == null) {
            findings.error(Issue.of(name + ":" + sheet, "excel.empty-sheet", sheet));
        } else if (reader.columns.isEmpty()) {
            if (opened.sheetNames().contains(Messages.get().text("excel.template.sheet"))) {
                findings.error(Issue.of(name, "excel.template-meta-missing", TemplateFormat.META_SHEET));
            } else {
                findings.error(Issue.of(name + ":" + sheet, "excel.missing-header",
                        String.join(", ", REQUIRED) + ", note"));
            }
        }
        findings.throwIfErrors();
        return new WorkbookReader.Result(new DataSet(reader.checks.observations()), findings.warnings(),
                reader.byUnit, Optional.empty());
    }

    @Override
    public void row(int row, List<RawCell> cells) {
        if (cells.stream().allMatch(Cells::blank)) {
            return;
        }
        if (columns == null) {
            header(row, cells);
            return;
        }
        if (columns.isEmpty() || headerBroken()) {
            return;   // the header's problem is reported; rows read against it would only add noise
        }
        Map<Integer, RawCell> byColumn = new HashMap<>();
        for (RawCell c : cells) {
            byColumn.put(c.column(), c);
            if (!Cells.blank(c) && !columns.containsValue(c.column()) && strayColumns.add(c.column())) {
                findings.error(Issue.of(Cells.where(name, sheet, row, c.column()), "excel.unnamed-column",
                        CellReference.convertNumToColString(c.column())));
            }
        }
        List<Issue> found = new ArrayList<>();
        int warningsBefore = findings.warningCount();
        FigureRows.Cell period = cell(byColumn, row, PERIOD, found);
        FigureRows.Cell unit = cell(byColumn, row, UNIT, found);
        FigureRows.Cell code = cell(byColumn, row, CODE, found);
        int valueColumn = columns.get(VALUE);
        FigureRows.ValueCell value = Cells.value(byColumn.get(valueColumn), Cells.where(name, sheet, row, valueColumn),
                found, findings);
        FigureRows.Cell note = cell(byColumn, row, NOTE, found);
        String label = new CellReference(sheet, row, columns.get(CODE), false, false).formatAsString();
        checks.row(period, unit, code, value, note == null ? "" : note.text(), label, found);
        Cells.byColumn(found);
        findings.errors(found);
        if (unit != null && findings.warningCount() > warningsBefore) {
            byUnit.merge(unit.text(), findings.warningCount() - warningsBefore, Integer::sum);
        }
    }

    private boolean headerBroken() {
        return headerBroken;
    }

    /** Reads the first non-blank row as the header; {@link #columns} is left empty when it names no known column. */
    private void header(int row, List<RawCell> cells) {
        columns = new LinkedHashMap<>();
        headerRow = row;
        headerFirstColumn = cells.get(0).column();
        List<Issue> problems = new ArrayList<>();
        List<Issue> ignored = new ArrayList<>();
        for (RawCell c : cells) {
            if (Cells.blank(c)) {
                continue;
            }
            String where = Cells.where(name, sheet, row, c.column());
            String text = Cells.text(c, where, ignored);
            String column = NAMES.get(text.toLowerCase(Locale.ROOT));
            if (column == null) {
                problems.add(Issue.of(where, "excel.unknown-column", text, "period, unit, code, value, note"));
            } else if (columns.containsKey(column)) {
                problems.add(Issue.of(where, "excel.duplicate-column", text,
                        new CellReference(sheet, row, columns.get(column), false, false).formatAsString()));
            } else {
                columns.put(column, c.column());
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(Issue.of(Cells.where(name, sheet, headerRow, headerFirstColumn), "csv.missing-column",
                        required));
            }
        }
        problems.forEach(findings::error);
        headerBroken = !problems.isEmpty();
    }

    private FigureRows.Cell cell(Map<Integer, RawCell> byColumn, int row, String column, List<Issue> found) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String where = Cells.where(name, sheet, row, index);
        return new FigureRows.Cell(Cells.text(byColumn.get(index), where, found), where);
    }
}
