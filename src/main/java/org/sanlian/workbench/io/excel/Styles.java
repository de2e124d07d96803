package org.sanlian.workbench.io.excel;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of the meeting workbook, made once when the workbook is made, so that rows
 * streamed later can name them by index. Body cells come in three fills: none, a listed unit
 * (约谈, light red) and a reminder (提醒, light yellow); text cells also come quote-prefixed, for text
 * that begins with = + - @ (Excel then keeps it as text when the cell is edited).
 */
final class Styles {

    /** The fill of a listed unit's row (约谈, 升级约谈): light red. */
    static final int LISTED_RGB = 0xFFC7CE;
    /** The fill of a reminded unit's row (提醒): light yellow. */
    static final int REMINDER_RGB = 0xFFEB9C;
    static final String BODY_FONT = "宋体";
    static final String TITLE_FONT = "黑体";

    /**
     * What a body cell holds: text, centred text, a rank or count, a score (the scheme's decimals),
     * a whole-numbered value (#,##0), a fractional value (two to four decimals), or text that wraps.
     */
    enum Kind { TEXT, CENTER, INTEGER, SCORE, VALUE, DECIMAL, WRAP }

    /** The fill of a body row. */
    enum Fill { NONE, LISTED, REMINDER }

    private final Map<Kind, Map<Fill, XSSFCellStyle>> body = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<Fill, XSSFCellStyle>> quoted = new EnumMap<>(Kind.class);
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle simulated;
    final XSSFCellStyle header;
    final XSSFCellStyle section;
    final XSSFCellStyle plain;
    final XSSFCellStyle plainQuoted;
    final XSSFCellStyle wrap;
    private final XSSFWorkbook wb;
    /** Quote-prefixed copies of the header and section styles, made when text first needs one. */
    private final Map<XSSFCellStyle, XSSFCellStyle> quotedCopies = new java.util.HashMap<>();

    Styles(XSSFWorkbook wb, int decimals) {
        this.wb = wb;
        XSSFFont base = wb.getFontAt(0);
        base.setFontName(BODY_FONT);
        base.setFontHeightInPoints((short) 10);

        XSSFFont titleFont = wb.createFont();
        titleFont.setFontName(TITLE_FONT);
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        XSSFFont small = wb.createFont();
        small.setFontName(BODY_FONT);
        small.setFontHeightInPoints((short) 10);
        small.setColor(new XSSFColor(rgb(0x404040), null));
        subtitle = wb.createCellStyle();
        subtitle.setFont(small);

        XSSFFont red = wb.createFont();
        red.setFontName(TITLE_FONT);
        red.setBold(true);
        red.setFontHeightInPoints((short) 11);
        red.setColor(new XSSFColor(rgb(0xC00000), null));
        simulated = wb.createCellStyle();
        simulated.setFont(red);

        XSSFFont bold = wb.createFont();
        bold.setFontName(TITLE_FONT);
        bold.setBold(true);
        bold.setFontHeightInPoints((short) 10);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(new XSSFColor(rgb(0xD9E1F2), null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        borders(header);

        XSSFFont sectionFont = wb.createFont();
        sectionFont.setFontName(TITLE_FONT);
        sectionFont.setBold(true);
        sectionFont.setFontHeightInPoints((short) 12);
        section = wb.createCellStyle();
        section.setFont(sectionFont);

        plain = wb.createCellStyle();
        plainQuoted = wb.createCellStyle();
        plainQuoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);

        short scoreFormat = wb.createDataFormat().getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        short integerFormat = wb.createDataFormat().getFormat("0");
        short valueFormat = wb.createDataFormat().getFormat("#,##0");
        short decimalFormat = wb.createDataFormat().getFormat("#,##0.00##");
        for (Kind kind : Kind.values()) {
            Map<Fill, XSSFCellStyle> byFill = new EnumMap<>(Fill.class);
            Map<Fill, XSSFCellStyle> byFillQuoted = new EnumMap<>(Fill.class);
            for (Fill fill : Fill.values()) {
                XSSFCellStyle s = wb.createCellStyle();
                borders(s);
                s.setVerticalAlignment(VerticalAlignment.CENTER);
                switch (kind) {
                    case CENTER:
                        s.setAlignment(HorizontalAlignment.CENTER);
                        break;
                    case INTEGER:
                        s.setAlignment(HorizontalAlignment.CENTER);
                        s.setDataFormat(integerFormat);
                        break;
                    case SCORE:
                        s.setDataFormat(scoreFormat);
                        break;
                    case VALUE:
                        s.setDataFormat(valueFormat);
                        break;
                    case DECIMAL:
                        s.setDataFormat(decimalFormat);
                        break;
                    case WRAP:
                        s.setWrapText(true);
                        break;
                    default:
                        break;
                }
                if (fill != Fill.NONE) {
                    s.setFillForegroundColor(new XSSFColor(rgb(fill == Fill.LISTED ? LISTED_RGB : REMINDER_RGB), null));
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                byFill.put(fill, s);
                if (kind == Kind.TEXT || kind == Kind.CENTER || kind == Kind.WRAP) {
                    XSSFCellStyle q = wb.createCellStyle();
                    q.cloneStyleFrom(s);
                    q.setQuotePrefixed(true);
                    byFillQuoted.put(fill, q);
                }
            }
            body.put(kind, byFill);
            if (!byFillQuoted.isEmpty()) {
                quoted.put(kind, byFillQuoted);
            }
        }
    }

    /** The style of a body cell. */
    XSSFCellStyle body(Kind kind, Fill fill) {
        return body.get(kind).get(fill);
    }

    /** The style index of a body cell holding {@code text} (quote-prefixed where the text needs it). */
    int text(Kind kind, Fill fill, String text) {
        return (needsQuote(text) && quoted.containsKey(kind) ? quoted.get(kind) : body.get(kind)).get(fill).getIndex();
    }

    /** The style index of a header, section or other named-style cell holding {@code text} (quote-prefixed where the text needs it). */
    int text(XSSFCellStyle style, String text) {
        return style(style, text).getIndex();
    }

    /** {@code style}, or its quote-prefixed copy when {@code text} needs it. */
    XSSFCellStyle style(XSSFCellStyle style, String text) {
        if (!needsQuote(text)) {
            return style;
        }
        return quotedCopies.computeIfAbsent(style, s -> {
            XSSFCellStyle q = wb.createCellStyle();
            q.cloneStyleFrom(s);
            q.setQuotePrefixed(true);
            return q;
        });
    }

    int index(Kind kind, Fill fill) {
        return body.get(kind).get(fill).getIndex();
    }

    /** Text that a spreadsheet would take for a formula if typed: it is kept as text, quote-prefixed. */
    static boolean needsQuote(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    static byte[] rgb(int rgb) {
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }

    private static void borders(XSSFCellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        XSSFColor grey = new XSSFColor(rgb(0xA6A6A6), null);
        s.setTopBorderColor(grey);
        s.setBottomBorderColor(grey);
        s.setLeftBorderColor(grey);
        s.setRightBorderColor(grey);
    }
}
