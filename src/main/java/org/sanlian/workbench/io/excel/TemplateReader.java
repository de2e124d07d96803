package org.sanlian.workbench.io.excel;

import static org.sanlian.workbench.io.excel.TemplateFormat.COLUMNS;
import static org.sanlian.workbench.io.excel.TemplateFormat.COL_CODE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * Reads a returned fill-in template. In this order, stopping at the first step that fails (later
 * steps would only repeat the same cause): the hidden metadata is whole; its signature is the one
 * the database's key gives (so unit, period, scheme and layout are as written); the scheme it names
 * is still the one kept for its year, with the same items; the data sheet is there, still says the
 * same unit and period, has every code where the layout puts it and nothing outside the table.
 * Then each value: filled in (or left empty with a note saying why), a number, within the bounds.
 * Only the template's own unit and period are ever written, from the signed metadata.
 */
final class TemplateReader {

    private static final Pattern CELL = Pattern.compile("[A-Z]{1,3}[1-9][0-9]{0,6}");

    private TemplateReader() {
    }

    /** The metadata as read, with where each part is. */
    private record Meta(TemplateFormat.Identity identity, String signature, String signatureWhere) {
    }

    static WorkbookReader.Result read(Workbook wb, String name, WorkbookReader.Context context, Findings findings) {
        Sheet metaSheet = wb.getSheet(TemplateFormat.META_SHEET);
        Meta meta = meta(metaSheet, name, findings);
        findings.throwIfErrors();
        TemplateFormat.Identity id = meta.identity();

        if (context.templateKey().isEmpty()) {
            findings.error(Issue.of(meta.signatureWhere(), "excel.template-no-key", id.unit(), id.period()));
            findings.throwIfErrors();
        }
        if (!TemplateFormat.verify(id, meta.signature(), context.templateKey().get())) {
            findings.error(Issue.of(meta.signatureWhere(), "excel.template-signature", TemplateFormat.META_SHEET,
                    id.unit(), id.period(), id.schemeCode(), id.schemeYear()));
            findings.throwIfErrors();
        }
        String where = name + ":" + TemplateFormat.META_SHEET;
        if (context.kind() != FigureRows.Kind.DATA) {
            findings.error(Issue.of(name, "excel.template-not-targets", id.unit(), id.period()));
            findings.throwIfErrors();
        }
        Optional<Scheme> kept = context.schemeOfYear().apply(id.schemeYear());
        if (kept.isEmpty()) {
            findings.error(Issue.of(where, "excel.template-no-scheme", id.schemeCode(), id.schemeYear()));
            findings.throwIfErrors();
        }
        Scheme scheme = kept.get();
        if (!scheme.code().equals(id.schemeCode())) {
            findings.error(Issue.of(where, "excel.template-scheme-changed", id.schemeCode(), id.schemeYear(),
                    scheme.code()));
            findings.throwIfErrors();
        }
        List<String> codes = id.slots().stream().map(TemplateFormat.Slot::code).toList();
        if (!codes.equals(FigureRows.unitCodes(scheme))) {
            findings.error(Issue.of(where, "excel.template-stale", id.schemeCode(), id.schemeYear(), id.unit(),
                    id.period()));
            findings.throwIfErrors();
        }
        Sheet data = wb.getSheet(id.sheet());
        if (data == null) {
            findings.error(Issue.of(name, "excel.template-sheet-missing", id.sheet()));
            findings.throwIfErrors();
        }

        structure(data, id, name, findings);
        findings.throwIfErrors();

        CellReference unitRef = new CellReference(TemplateFormat.UNIT_CELL);
        CellReference periodRef = new CellReference(TemplateFormat.PERIOD_CELL);
        FigureRows.Cell unit = new FigureRows.Cell(id.unit(),
                Cells.where(name, data.getSheetName(), unitRef.getRow(), unitRef.getCol()));
        FigureRows.Cell period = new FigureRows.Cell(id.period(),
                Cells.where(name, data.getSheetName(), periodRef.getRow(), periodRef.getCol()));
        FigureRows checks = new FigureRows(scheme, FigureRows.Kind.DATA, "excel.duplicate");
        for (TemplateFormat.Slot slot : id.slots()) {
            CellReference valueRef = new CellReference(slot.valueCell());
            CellReference noteRef = new CellReference(slot.noteCell());
            List<Issue> found = new ArrayList<>();
            String noteWhere = Cells.where(name, data.getSheetName(), noteRef.getRow(), noteRef.getCol());
            String note = Cells.text(cell(data, noteRef.getRow(), noteRef.getCol()), noteWhere, found);
            String valueWhere = Cells.where(name, data.getSheetName(), valueRef.getRow(), valueRef.getCol());
            RawCell valueCell = cell(data, valueRef.getRow(), valueRef.getCol());
            FigureRows.ValueCell value = Cells.value(valueCell, valueWhere, found, findings);
            if (value.value().isEmpty() && value.text().isEmpty() && found.isEmpty()) {
                if (note.isEmpty()) {
                    found.add(Issue.of(valueWhere, "excel.template-empty-value", slot.code(), itemName(scheme,
                            slot.code()), noteWhere.substring(noteWhere.lastIndexOf('!') + 1)));
                } else {
                    findings.warn(Issue.of(valueWhere, "excel.template-missing-noted", slot.code(), note));
                }
            }
            FigureRows.Cell code = new FigureRows.Cell(slot.code(),
                    Cells.where(name, data.getSheetName(), valueRef.getRow(), COL_CODE));
            checks.row(period, unit, code, value, note, slot.valueCell(), found);
            findings.errors(found);
        }
        findings.throwIfErrors();
        Period p = Period.parse(id.period()).orElseThrow();
        return new WorkbookReader.Result(new DataSet(checks.observations()), findings.warnings(),
                java.util.Map.of(id.unit(), findings.warningCount()), Optional.of(new WorkbookReader.TemplateOrigin(id.unit(), p, id.schemeCode(), id.schemeYear())));
    }

    /** The data sheet still says whose it is, has each code where the layout puts it, and nothing beside the table. */
    private static void structure(Sheet data, TemplateFormat.Identity id, String name, Findings findings) {
        CellReference unitRef = new CellReference(TemplateFormat.UNIT_CELL);
        String unitWhere = Cells.where(name, data.getSheetName(), unitRef.getRow(), unitRef.getCol());
        List<Issue> found = new ArrayList<>();
        String unitShown = Cells.text(cell(data, unitRef.getRow(), unitRef.getCol()), unitWhere, found);
        if (!unitShown.equals(id.unit())) {
            findings.error(Issue.of(unitWhere, "excel.template-unit-cell", unitShown, id.unit()));
        }
        CellReference periodRef = new CellReference(TemplateFormat.PERIOD_CELL);
        String periodWhere = Cells.where(name, data.getSheetName(), periodRef.getRow(), periodRef.getCol());
        String periodShown = Cells.text(cell(data, periodRef.getRow(), periodRef.getCol()), periodWhere, found);
        if (!periodShown.equals(id.period())) {
            findings.error(Issue.of(periodWhere, "excel.template-period-cell", periodShown, id.period()));
        }
        int lastRow = 0;
        for (TemplateFormat.Slot slot : id.slots()) {
            int row = new CellReference(slot.valueCell()).getRow();
            lastRow = Math.max(lastRow, Math.max(row, new CellReference(slot.noteCell()).getRow()));
            String codeWhere = Cells.where(name, data.getSheetName(), row, COL_CODE);
            String shown = Cells.text(cell(data, row, COL_CODE), codeWhere, found);
            if (!shown.equals(slot.code())) {
                findings.error(Issue.of(codeWhere, "excel.template-code-moved", slot.code(), shown, slot.valueCell()));
            }
        }
        for (Row row : data) {
            for (Cell c : row) {
                boolean inside = row.getRowNum() <= lastRow && c.getColumnIndex() < COLUMNS;
                RawCell raw = RawCell.of(c);
                if (!inside && !Cells.blank(raw)) {
                    String cellWhere = Cells.where(name, data.getSheetName(), row.getRowNum(), c.getColumnIndex());
                    findings.error(Issue.of(cellWhere, "excel.template-stray-cell",
                            Cells.text(raw, cellWhere, new ArrayList<>()), id.sheet()));
                }
            }
        }
    }

    private static Meta meta(Sheet sheet, String name, Findings findings) {
        String[] values = new String[TemplateFormat.META_KEYS.length];
        List<Issue> found = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = Cells.text(cell(sheet, i, 1), Cells.where(name, sheet.getSheetName(), i, 1), found);
        }
        String format = values[TemplateFormat.META_FORMAT];
        if (!format.equals(TemplateFormat.FORMAT)) {
            String where = Cells.where(name, sheet.getSheetName(), TemplateFormat.META_FORMAT, 1);
            findings.error(Issue.of(where, "excel.template-format", format, TemplateFormat.FORMAT));
            return null;
        }
        int year = number(values, TemplateFormat.META_SCHEME_YEAR, sheet, name, findings);
        int items = number(values, TemplateFormat.META_ITEMS, sheet, name, findings);
        for (int i : new int[] {TemplateFormat.META_UNIT, TemplateFormat.META_PERIOD, TemplateFormat.META_SCHEME,
            TemplateFormat.META_SHEET_NAME, TemplateFormat.META_SIGNATURE}) {
            if (values[i].isEmpty()) {
                damaged(sheet, i, 1, name, findings);
            }
        }
        if (!values[TemplateFormat.META_PERIOD].isEmpty() && Period.parse(values[TemplateFormat.META_PERIOD]).isEmpty()) {
            damaged(sheet, TemplateFormat.META_PERIOD, 1, name, findings);
        }
        List<TemplateFormat.Slot> slots = new ArrayList<>();
        for (int i = 0; i < Math.max(items, 0) && i < 100_000; i++) {
            int r = TemplateFormat.META_LAYOUT_ROW + i;
            String code = Cells.text(cell(sheet, r, 0), Cells.where(name, sheet.getSheetName(), r, 0), found);
            String valueCell = Cells.text(cell(sheet, r, 1), Cells.where(name, sheet.getSheetName(), r, 1), found);
            String noteCell = Cells.text(cell(sheet, r, 2), Cells.where(name, sheet.getSheetName(), r, 2), found);
            if (code.isEmpty()) {
                damaged(sheet, r, 0, name, findings);
            }
            if (!CELL.matcher(valueCell).matches()) {
                damaged(sheet, r, 1, name, findings);
            }
            if (!CELL.matcher(noteCell).matches()) {
                damaged(sheet, r, 2, name, findings);
            }
            slots.add(new TemplateFormat.Slot(code, valueCell, noteCell));
        }
        // a layout row beyond the items counted was added to the metadata
        Row extra = sheet.getRow(TemplateFormat.META_LAYOUT_ROW + Math.max(items, 0));
        if (items >= 0 && extra != null && extra.getCell(0) != null && !Cells.blank(RawCell.of(extra.getCell(0)))) {
            damaged(sheet, extra.getRowNum(), 0, name, findings);
        }
        findings.errors(found);
        if (findings.hasErrors()) {
            return null;
        }
        TemplateFormat.Identity id = new TemplateFormat.Identity(values[TemplateFormat.META_UNIT],
                values[TemplateFormat.META_PERIOD], values[TemplateFormat.META_SCHEME], year,
                values[TemplateFormat.META_SHEET_NAME], slots);
        return new Meta(id, values[TemplateFormat.META_SIGNATURE],
                Cells.where(name, sheet.getSheetName(), TemplateFormat.META_SIGNATURE, 1));
    }

    private static int number(String[] values, int row, Sheet sheet, String name, Findings findings) {
        try {
            return Integer.parseInt(values[row]);
        } catch (NumberFormatException e) {
            damaged(sheet, row, 1, name, findings);
            return -1;
        }
    }

    private static void damaged(Sheet sheet, int row, int column, String name, Findings findings) {
        findings.error(Issue.of(Cells.where(name, sheet.getSheetName(), row, column), "excel.template-meta-damaged",
                TemplateFormat.META_SHEET));
    }

    private static RawCell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell c = r == null ? null : r.getCell(column);
        return c == null ? null : RawCell.of(c);
    }

    private static String itemName(Scheme scheme, String code) {
        return scheme.input(code).map(Input::name).orElseGet(() -> scheme.leaves().stream()
                .filter(l -> l.code().equals(code)).map(Indicator::name).findFirst().orElse(code));
    }
}
