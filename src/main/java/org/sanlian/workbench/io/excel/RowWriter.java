package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a sheet's rows as SpreadsheetML ({@code <row>} and {@code <c>} elements) straight to bytes,
 * for the tables too long to hold as POI cell objects (3,000 units x 120 indicators is 720,000
 * cells). Text is always an inline string ({@code t="inlineStr"}), never a formula, so text that
 * begins with = + - @ stays text. Rows and cells must come in order; NaN writes a blank cell that
 * keeps its style (borders, highlight). UTF-8 is encoded here: most of what is written is ASCII.
 */
final class RowWriter {

    private static final String[] COLUMNS = new String[16384];
    // the markup of every cell as bytes, copied at once rather than character by character
    private static final byte[] ROW_START = asciiBytes("<row r=\"");
    private static final byte[] ROW_OPENED = asciiBytes("\">");
    private static final byte[] INLINE_TEXT = asciiBytes(" t=\"inlineStr\"><is><t");
    private static final byte[] TEXT_END = asciiBytes("</t></is></c>");
    private static final byte[] VALUE_START = asciiBytes("><v>");
    private static final byte[] VALUE_END = asciiBytes("</v></c>");
    private static final byte[] EMPTY_END = asciiBytes("/>");
    private static final byte[] ROW_END = asciiBytes("</row>");
    private static final byte[] CELL_START = asciiBytes("<c r=\"");
    private static final byte[] STYLE_START = asciiBytes(" s=\"");

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int row = -1;
    private byte[] rowRef = new byte[0];
    /** Column letters as ASCII bytes, made as columns are first written (this writer's own: no sharing between threads). */
    private byte[][] columnBytes = new byte[64][];
    private int maxRow = -1;
    private int maxColumn = -1;
    private boolean open;

    RowWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts row {@code r} (0-based), closing the previous one. */
    void row(int r) throws IOException {
        row(r, 0);
    }

    /** Starts row {@code r} (0-based) with a height in points (0: the sheet's default), closing the previous one. */
    void row(int r, double heightPoints) throws IOException {
        if (r <= row) {
            throw new IllegalStateException("rows must increase: " + r + " after " + row);
        }
        end();
        row = r;
        rowRef = Integer.toString(r + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        maxRow = Math.max(maxRow, r);
        bytes(ROW_START);
        bytes(rowRef);
        if (heightPoints > 0) {
            // spreadsheets do not grow a row for wrapped text they did not lay out themselves
            ascii("\" ht=\"");
            ascii(Double.toString(heightPoints));
            ascii("\" customHeight=\"1");
        }
        bytes(ROW_OPENED);
        open = true;
    }

    /** Text as an inline string (blank text writes a blank styled cell). */
    void text(int column, String text, int style) throws IOException {
        if (text == null || text.isEmpty()) {
            blank(column, style);
            return;
        }
        start(column, style);
        bytes(INLINE_TEXT);
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            ascii(" xml:space=\"preserve\"");
        }
        put('>');
        escaped(text.length() > 32767 ? text.substring(0, 32767) : text);
        bytes(TEXT_END);
    }

    /**
     * A number; NaN or infinity as a blank styled cell. Written exactly when it has at most four
     * decimals (figures, rounded scores), else with 15 significant digits — the precision Excel
     * itself keeps and shows — without Java's slow shortest-digits search (most of the time of a
     * 720,000-cell detail sheet went there).
     */
    void number(int column, double value, int style) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            blank(column, style);
            return;
        }
        start(column, style);
        bytes(VALUE_START);
        decimal(value);
        bytes(VALUE_END);
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private void decimal(double value) throws IOException {
        double a = Math.abs(value);
        if (a < 1e15) {
            for (int k = 0; k <= 4; k++) {
                double m = Math.rint(a * POWERS[k]);
                if (m / POWERS[k] == a) {
                    fixed(value < 0, (long) m, k);
                    return;
                }
            }
        }
        if (a >= 1e-4 && a < 1e15) {
            int exponent = 14; // the power of ten of the first significant digit
            while (exponent > -4 && a < POWERS[exponent + 4] * 1e-4) {
                exponent--;
            }
            int decimals = 14 - exponent; // 15 significant digits
            long m = Math.round(a * POWERS[decimals]);
            while (decimals > 0 && m % 10 == 0) {
                m /= 10;
                decimals--;
            }
            fixed(value < 0, m, decimals);
            return;
        }
        ascii(Double.toString(value));
    }

    /** {@code m / 10^decimals} (m >= 0), written out without making a string. */
    private void fixed(boolean negative, long m, int decimals) throws IOException {
        if (pos + 48 > buf.length) {
            flush();
        }
        if (negative && m != 0) {
            buf[pos++] = '-';
        }
        int digits = 1;
        for (long t = m / 10; t != 0; t /= 10) {
            digits++;
        }
        int length = Math.max(digits, decimals + 1); // at least "0." before the decimals
        int end = pos + length + (decimals > 0 ? 1 : 0);
        int i = end;
        long rest = m;
        for (int d = 0; d < length; d++) {
            if (d == decimals && decimals > 0) {
                buf[--i] = '.';
            }
            buf[--i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        pos = end;
    }

    void integer(int column, long value, int style) throws IOException {
        start(column, style);
        bytes(VALUE_START);
        digits(value);
        bytes(VALUE_END);
    }

    void blank(int column, int style) throws IOException {
        start(column, style);
        bytes(EMPTY_END);
    }

    /** Closes the open row, if any, and hands on what is buffered. */
    void end() throws IOException {
        if (open) {
            bytes(ROW_END);
            open = false;
        }
    }

    /** Writes out what is buffered (the caller's stream stays open). */
    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
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
        bytes(CELL_START);
        bytes(columnBytes(column));
        bytes(rowRef);
        put('"');
        if (style > 0) {
            bytes(STYLE_START);
            digits(style);
            put('"');
        }
    }

    private void put(char c) throws IOException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = (byte) c;
    }

    private static byte[] asciiBytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void bytes(byte[] b) throws IOException {
        if (pos + b.length > buf.length) {
            flush();
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ascii(String s) throws IOException {
        int n = s.length();
        if (pos + n > buf.length) {
            flush();
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** A whole number's decimal digits, written straight into the buffer (style indexes, one per cell). */
    private void digits(long v) throws IOException {
        if (v >= 0 && v < 10) {
            put((char) ('0' + v));
        } else if (v > 0 && v < 1_000_000_000L) {
            int n = 1;
            for (long t = v / 10; t > 0; t /= 10) {
                n++;
            }
            if (pos + n > buf.length) {
                flush();
            }
            for (int i = pos + n - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += n;
        } else {
            ascii(Long.toString(v));
        }
    }

    /** Text escaped for XML and encoded as UTF-8; characters XML 1.0 does not allow are left out. */
    private void escaped(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (pos + 8 > buf.length) {
                flush();
            }
            if (c < 0x80) {
                if (c == '&') {
                    ascii("&amp;");
                } else if (c == '<') {
                    ascii("&lt;");
                } else if (c == '>') {
                    ascii("&gt;");
                } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp & 0x3F);
            } else if (!Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                buf[pos++] = (byte) (0xE0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private byte[] columnBytes(int index) {
        if (index >= columnBytes.length) {
            columnBytes = java.util.Arrays.copyOf(columnBytes, Math.max(index + 1, columnBytes.length * 2));
        }
        byte[] b = columnBytes[index];
        if (b == null) {
            b = asciiBytes(column(index));
            columnBytes[index] = b;
        }
        return b;
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
