package org.sanlian.workbench.io.excel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number typed as text in a workbook, read more kindly than the CSV format allows: full-width
 * digits, point, comma, plus and minus (０-９ ． ， ＋ －, and the minus sign −) become their ASCII
 * forms, and thousands separators in their proper places ({@code 1,234,567.8}) are dropped. What
 * was done is reported, so that the reader can warn. Decimal commas ({@code 1,5}), percent signs,
 * units, NaN and infinity stay refused: they would be guesses. The data entry grid reads what is
 * typed or pasted into it the same way (through {@code app.FigureEntryService}).
 */
public final class LenientNumber {

    private static final Pattern PLAIN = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");

    /** The number read and what had to be changed to read it. */
    public record Parsed(double value, String normalised, boolean fullWidth, boolean thousands) {
    }

    private LenientNumber() {
    }

    /** Reads {@code text} (trimmed already or not); empty when it is no number even so. */
    public static Optional<Parsed> parse(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        boolean fullWidth = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char a = ascii(c);
            if (a != c && a != ' ') {
                fullWidth = true;
            }
            ascii.append(a);
        }
        String s = ascii.toString().strip();
        boolean thousands = false;
        if (s.indexOf(',') >= 0) {
            if (!GROUPED.matcher(s).matches()) {
                return Optional.empty();
            }
            s = s.replace(",", "");
            thousands = true;
        }
        if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(v, s, fullWidth, thousands));
    }

    private static char ascii(char c) {
        if (c >= '\uFF10' && c <= '\uFF19') {
            return (char) ('0' + (c - '\uFF10'));
        }
        switch (c) {
            case '\uFF0E': return '.';   // ．
            case '\uFF0C': return ',';   // ，
            case '\uFF0B': return '+';   // ＋
            case '\uFF0D': return '-';   // －
            case '\u2212': return '-';   // − (minus sign)
            case '\uFF45': return 'e';   // ｅ
            case '\uFF25': return 'E';   // Ｅ
            case '\u3000': return ' ';   // ideographic space
            case '\u00A0': return ' ';   // no-break space
            default: return c;
        }
    }
}
