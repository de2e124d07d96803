package org.sanlian.workbench.io.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * One cell as saved, whether read through POI's object model (templates, .xls) or streamed from an
 * .xlsx sheet's XML (plain data workbooks, so that a large one needs no more memory than its
 * figures): what kind of value it holds, the value, and the formula that gave it.
 *
 * @param type    the value's kind; for a formula, the kind of its saved result
 * @param text    the text (TEXT), {@code TRUE}/{@code FALSE} (BOOLEAN) or the error ({@code #DIV/0!})
 * @param number  the number (NUMBER)
 * @param shown   how a date-formatted number shows, for messages (empty otherwise)
 * @param date    whether the number is formatted as a date or time
 * @param formula the formula without {@code =}, or null for a plain value
 * @param cached  for a formula: whether the file keeps its result
 */
record RawCell(int row, int column, Type type, String text, double number, String shown, boolean date,
               String formula, boolean cached) {

    enum Type { BLANK, NUMBER, TEXT, BOOLEAN, ERROR }

    private static final DataFormatter FORMATTER = new DataFormatter();

    static RawCell blank(int row, int column) {
        return new RawCell(row, column, Type.BLANK, "", 0, "", false, null, true);
    }

    /** A cell of POI's object model. */
    static RawCell of(Cell c) {
        int row = c.getRowIndex();
        int column = c.getColumnIndex();
        CellType type = c.getCellType();
        String formula = null;
        boolean cached = true;
        if (type == CellType.FORMULA) {
            try {
                formula = c.getCellFormula();
            } catch (RuntimeException e) {
                formula = "?";   // a formula POI cannot render; its saved result is what counts
            }
            // a program that writes formulas without computing them (openpyxl, say) leaves no
            // result, and POI would read 0
            cached = !(c instanceof XSSFCell) || ((XSSFCell) c).getCTCell().isSetV();
            type = c.getCachedFormulaResultType();
            if (!cached) {
                return new RawCell(row, column, Type.BLANK, "", 0, "", false, formula, false);
            }
        }
        switch (type) {
            case NUMERIC: {
                boolean date = DateUtil.isCellDateFormatted(c);
                return new RawCell(row, column, Type.NUMBER, "", c.getNumericCellValue(),
                        date ? FORMATTER.formatCellValue(c) : "", date, formula, cached);
            }
            case STRING:
                return new RawCell(row, column, Type.TEXT, c.getStringCellValue(), 0, "", false, formula, cached);
            case BOOLEAN:
                return new RawCell(row, column, Type.BOOLEAN, c.getBooleanCellValue() ? "TRUE" : "FALSE", 0, "",
                        false, formula, cached);
            case ERROR:
                return new RawCell(row, column, Type.ERROR, errorText(c.getErrorCellValue()), 0, "", false, formula,
                        cached);
            default:
                return new RawCell(row, column, Type.BLANK, "", 0, "", false, formula, cached);
        }
    }

    static String errorText(int code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
