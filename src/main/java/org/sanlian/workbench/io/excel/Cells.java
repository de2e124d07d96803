package org.sanlian.workbench.io.excel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.io.csv.NumberText;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * Reads cells the way a person meant them: text trimmed (also of full-width and no-break spaces),
 * whole numbers without {@code .0}, formulas as the result Excel saved with them, and numbers typed
 * as text accepted with a warning ({@link LenientNumber}). Problems name the sheet and cell.
 */
final class Cells {

    private static final DataFormatter FORMATTER = new DataFormatter();

    private Cells() {
    }

    /** {@code file:Sheet!C7} (the sheet quoted as Excel does when its name needs it). */
    static String where(String file, Sheet sheet, int row, int column) {
        return file + ":" + new CellReference(sheet.getSheetName(), row, column, false, false).formatAsString();
    }

    /** Orders a row's issues by their cell's column, as the CSV reader does (cells of {@link #where}). */
    static void byColumn(List<Issue> issues) {
        issues.sort(java.util.Comparator.comparingInt(i -> {
            String w = i.where();
            String ref = w.substring(w.lastIndexOf('!') + 1);
            try {
                return new CellReference(ref).getCol();
            } catch (RuntimeException e) {
                return Integer.MAX_VALUE;
            }
        }));
    }

    /** Whether a cell holds nothing a person typed (absent, blank, or only spaces). */
    static boolean blank(Cell c) {
        if (c == null) {
            return true;
        }
        switch (c.getCellType()) {
            case BLANK: return true;
            case STRING: return strip(c.getStringCellValue()).isEmpty();
            default: return false;
        }
    }

    static String strip(String s) {
        return s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /** A number as a person reads it: {@code 2025}, not {@code 2025.0}. */
    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return NumberText.format(v);
    }

    /** The text of a code, period, unit or note cell; problems (an error value, a formula without result) go to {@code found}. */
    static String text(Cell c, String where, List<Issue> found) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            if (!hasCachedResult(c)) {
                found.add(Issue.of(where, "excel.formula-no-value", c.getCellFormula()));
                return "";
            }
            type = c.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING: return strip(c.getStringCellValue());
            case NUMERIC: return show(c.getNumericCellValue());
            case BOOLEAN: return c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR:
                found.add(Issue.of(where, "excel.cell-error", errorText(c)));
                return "";
            default: return "";
        }
    }

    /**
     * The value of a figure's cell. Unreadable values go to {@code found} (the row is refused);
     * kindness shown (a number typed as text, full-width digits, thousands separators, a formula's
     * saved result) goes to {@code warnings}.
     */
    static FigureRows.ValueCell value(Cell c, String where, List<Issue> found, Findings warnings) {
        if (c == null) {
            return new FigureRows.ValueCell(OptionalDouble.empty(), "", where);
        }
        CellType type = c.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = c.getCellFormula();
            if (!hasCachedResult(c)) {
                found.add(Issue.of(where, "excel.formula-no-value", formula));
                return new FigureRows.ValueCell(OptionalDouble.empty(), "=" + formula, where);
            }
            type = c.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC: {
                if (DateUtil.isCellDateFormatted(c)) {
                    String shown = FORMATTER.formatCellValue(c);
                    found.add(Issue.of(where, "excel.date-value", shown));
                    return new FigureRows.ValueCell(OptionalDouble.empty(), shown, where);
                }
                double v = c.getNumericCellValue();
                if (formula != null) {
                    warnings.warn(Issue.of(where, "excel.formula-value", formula, show(v)));
                }
                return new FigureRows.ValueCell(OptionalDouble.of(v), show(v), where);
            }
            case STRING: {
                String text = strip(c.getStringCellValue());
                if (text.isEmpty()) {
                    return new FigureRows.ValueCell(OptionalDouble.empty(), "", where);
                }
                Optional<LenientNumber.Parsed> parsed = LenientNumber.parse(text);
                if (parsed.isEmpty()) {
                    found.add(Issue.of(where, "excel.bad-number", text));
                    return new FigureRows.ValueCell(OptionalDouble.empty(), text, where);
                }
                LenientNumber.Parsed p = parsed.get();
                String read = show(p.value());
                if (formula != null) {
                    warnings.warn(Issue.of(where, "excel.formula-value", formula, read));
                }
                if (p.fullWidth()) {
                    warnings.warn(Issue.of(where, "excel.full-width-number", text, read));
                } else if (p.thousands()) {
                    warnings.warn(Issue.of(where, "excel.thousands-separator", text, read));
                } else if (formula == null) {
                    warnings.warn(Issue.of(where, "excel.number-as-text", text));
                }
                return new FigureRows.ValueCell(OptionalDouble.of(p.value()), text, where);
            }
            case BOOLEAN: {
                String text = c.getBooleanCellValue() ? "TRUE" : "FALSE";
                found.add(Issue.of(where, "excel.bad-number", text));
                return new FigureRows.ValueCell(OptionalDouble.empty(), text, where);
            }
            case ERROR: {
                String error = errorText(c);
                found.add(formula != null ? Issue.of(where, "excel.formula-error", formula, error)
                        : Issue.of(where, "excel.cell-error", error));
                return new FigureRows.ValueCell(OptionalDouble.empty(), error, where);
            }
            default:
                return new FigureRows.ValueCell(OptionalDouble.empty(), "", where);
        }
    }

    /**
     * Whether a formula cell carries the result Excel saved with it. A program that writes formulas
     * without computing them (openpyxl, say) leaves none, and POI would read 0.
     */
    private static boolean hasCachedResult(Cell c) {
        if (c instanceof XSSFCell) {
            return ((XSSFCell) c).getCTCell().isSetV();
        }
        return true;
    }

    private static String errorText(Cell c) {
        try {
            return FormulaError.forInt(c.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
