package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a sheet's rows as SpreadsheetML ({@code <row>} and {@code <c>} elements) straight to the
 * package, for the tables too long to hold as POI cell objects (3,000 units x 120 indicators is
 * 720,000 cells). Text is always an inline string ({@code t="inlineStr"}), never a formula, so text
 * that begins with = + - @ stays text. Rows and cells must come in order; NaN writes a blank cell
 * that keeps its style (borders, highlight).
 */
final class RowWriter {

    private static final String[] COLUMNS = new String[16384];

    private final Writer out;
    private final char[] buffer = new char[32];
    private int row = -1;
    private String rowRef = "";
    private int maxRow = -1;
    private int maxColumn = -1;
    private boolean open;

    RowWriter(Writer out) {
        this.out = out;
    }

    /** Starts row {@code r} (0-based), closing the previous one. */
    void row(int r) throws IOException {
        if (r <= row) {
            throw new IllegalStateException("rows must increase: " + r + " after " + row);
        }
        end();
        row = r;
        rowRef = Integer.toString(r + 1);
        maxRow = Math.max(maxRow, r);
        out.write("<row r=\"");
        out.write(rowRef);
        out.write("\">");
        open = true;
    }

    /** Text as an inline string (blank text writes a blank styled cell). */
    void text(int column, String text, int style) throws IOException {
        if (text == null || text.isEmpty()) {
            blank(column, style);
            return;
        }
        start(column, style);
        out.write(" t=\"inlineStr\"><is><t");
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            out.write(" xml:space=\"preserve\"");
        }
        out.write('>');
        escape(text.length() > 32767 ? text.substring(0, 32767) : text);
        out.write("</t></is></c>");
    }

    /** A number; NaN or infinity as a blank styled cell. */
    void number(int column, double value, int style) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            blank(column, style);
            return;
        }
        start(column, style);
        out.write("><v>");
        long whole = (long) value;
        if (whole == value && Math.abs(value) < 1e15) {
            out.write(Long.toString(whole));
        } else {
            out.write(Double.toString(value));
        }
        out.write("</v></c>");
    }

    void integer(int column, long value, int style) throws IOException {
        start(column, style);
        out.write("><v>");
        out.write(Long.toString(value));
        out.write("</v></c>");
    }

    void blank(int column, int style) throws IOException {
        start(column, style);
        out.write("/>");
    }

    /** Closes the open row, if any. */
    void end() throws IOException {
        if (open) {
            out.write("</row>");
            open = false;
        }
    }

    /** The last row written (0-based), or -1. */
    int maxRow() {
        return maxRow;
    }

    /** The last column written (0-based), or -1. */
    int maxColumn() {
        return maxColumn;
    }

    private void start(int column, int style) throws IOException {
        if (!open) {
            throw new IllegalStateException("no open row");
        }
        maxColumn = Math.max(maxColumn, column);
        out.write("<c r=\"");
        out.write(column(column));
        out.write(rowRef);
        out.write('"');
        if (style > 0) {
            out.write(" s=\"");
            out.write(Integer.toString(style));
            out.write('"');
        }
    }

    private void escape(String s) throws IOException {
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                replacement = ""; // not allowed in XML 1.0
            } else {
                continue;
            }
            out.write(s, from, i - from);
            out.write(replacement);
            from = i + 1;
        }
        out.write(s, from, n - from);
    }

    /** A column's letters: 0 -> A, 25 -> Z, 26 -> AA. */
    static String column(int index) {
        String c = COLUMNS[index];
        if (c == null) {
            StringBuilder b = new StringBuilder();
            for (int i = index + 1; i > 0; i = (i - 1) / 26) {
                b.insert(0, (char) ('A' + (i - 1) % 26));
            }
            c = b.toString();
            COLUMNS[index] = c;
        }
        return c;
    }
}
