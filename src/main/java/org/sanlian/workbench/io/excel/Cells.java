package org.sanlian.workbench.io.excel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.poi.ss.util.CellReference;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.io.csv.NumberText;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * Reads cells the way a person meant them: text trimmed (also of full-width and no-break spaces),
 * whole numbers without {@code .0}, formulas as the result saved with them, and numbers typed as
 * text accepted with a warning ({@link LenientNumber}). Problems name the sheet and cell.
 */
final class Cells {

    private Cells() {
    }

    /** {@code file:Sheet!C7} (the sheet quoted as Excel does when its name needs it). */
    static String where(String file, String sheet, int row, int column) {
        return file + ":" + new CellReference(sheet, row, column, false, false).formatAsString();
    }

    /** Orders a row's issues by their cell's column, as the CSV reader does (cells of {@link #where}). */
    static void byColumn(List<Issue> issues) {
        issues.sort(Comparator.comparingInt(i -> {
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
    static boolean blank(RawCell c) {
        if (c == null) {
            return true;
        }
        switch (c.type()) {
            case BLANK: return c.cached();
            case TEXT: return strip(c.text()).isEmpty();
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
    static String text(RawCell c, String where, List<Issue> found) {
        if (c == null) {
            return "";
        }
        if (c.formula() != null && !c.cached()) {
            found.add(Issue.of(where, "excel.formula-no-value", c.formula()));
            return "";
        }
        switch (c.type()) {
            case TEXT: return strip(c.text());
            case NUMBER: return show(c.number());
            case BOOLEAN: return c.text();
            case ERROR:
                found.add(Issue.of(where, "excel.cell-error", c.text()));
                return "";
            default: return "";
        }
    }

    /**
     * The value of a figure's cell. Unreadable values go to {@code found} (the row is refused);
     * kindness shown (a number typed as text, full-width digits, thousands separators, a formula's
     * saved result) goes to {@code warnings}.
     */
    static FigureRows.ValueCell value(RawCell c, String where, List<Issue> found, Findings warnings) {
        if (c == null) {
            return new FigureRows.ValueCell(OptionalDouble.empty(), "", where);
        }
        String formula = c.formula();
        if (formula != null && !c.cached()) {
            found.add(Issue.of(where, "excel.formula-no-value", formula));
            return new FigureRows.ValueCell(OptionalDouble.empty(), "=" + formula, where);
        }
        switch (c.type()) {
            case NUMBER: {
                if (c.date()) {
                    found.add(Issue.of(where, "excel.date-value", c.shown()));
                    return new FigureRows.ValueCell(OptionalDouble.empty(), c.shown(), where);
                }
                double v = c.number();
                if (formula != null) {
                    warnings.warn(Issue.of(where, "excel.formula-value", formula, show(v)));
                }
                return new FigureRows.ValueCell(OptionalDouble.of(v), show(v), where);
            }
            case TEXT: {
                String text = strip(c.text());
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
            case BOOLEAN:
                found.add(Issue.of(where, "excel.bad-number", c.text()));
                return new FigureRows.ValueCell(OptionalDouble.empty(), c.text(), where);
            case ERROR:
                found.add(formula != null ? Issue.of(where, "excel.formula-error", formula, c.text())
                        : Issue.of(where, "excel.cell-error", c.text()));
                return new FigureRows.ValueCell(OptionalDouble.empty(), c.text(), where);
            default:
                return new FigureRows.ValueCell(OptionalDouble.empty(), "", where);
        }
    }
}
