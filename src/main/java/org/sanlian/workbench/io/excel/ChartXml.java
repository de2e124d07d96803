package org.sanlian.workbench.io.excel;

import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.Charts;

/**
 * The chart part ({@code xl/charts/chartN.xml}, DrawingML) of one native chart, written as text: bars
 * side by side or stacked, or lines (ranks drawn with rank 1 at the top), each series referring to its
 * cells on 图表数据 and carrying its figures in the cache, titled axes, a legend below when there is
 * more than one series. The text is the very part POI's XDDF writes for the same chart
 * ({@code ChartXmlTest} compares them), made without XDDF's XMLBeans objects: building twenty charts
 * that way was a fifth of a large export's time.
 */
final class ChartXml {

    private static final String TITLE_HEAD = "<c:title><c:tx><c:rich><a:bodyPr anchor=\"t\" rtlCol=\"false\"/>"
            + "<a:lstStyle/><a:p><a:pPr algn=\"l\"><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en\"/><a:t>";
    private static final String TITLE_TAIL = "</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich>"
            + "</c:tx><c:layout/><c:overlay val=\"false\"/></c:title>";
    private static final String TICKS = "<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>"
            + "<c:tickLblPos val=\"nextTo\"/>";

    private ChartXml() {
    }

    /**
     * The part of {@code spec}, whose figures lie on {@code dataSheet}: the series names in row
     * {@code headerRow}, the categories in column A of rows {@code firstRow} to {@code lastRow} and
     * series s in column s + 1 (0-based rows and columns).
     */
    static byte[] of(ChartData spec, String dataSheet, int headerRow, int firstRow, int lastRow) {
        StringBuilder x = new StringBuilder(4096 + 64 * spec.categories().size() * (1 + spec.series().size()));
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/"
                + "drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart>");
        title(x, spec.title());
        x.append("<c:plotArea><c:layout/>");
        boolean line = spec.kind() == ChartData.Kind.LINE;
        boolean stacked = spec.kind() == ChartData.Kind.STACKED_BAR;
        if (line) {
            x.append("<c:lineChart>");
        } else {
            x.append("<c:barChart><c:barDir val=\"col\"/>");
            if (stacked) {
                x.append("<c:grouping val=\"stacked\"/>");
            }
        }
        x.append("<c:varyColors val=\"false\"/>");
        String categories = new CellRangeAddress(firstRow, lastRow, 0, 0).formatAsString(dataSheet, true);
        for (int s = 0; s < spec.series().size(); s++) {
            series(x, spec, s, line, dataSheet, headerRow, categories,
                    new CellRangeAddress(firstRow, lastRow, s + 1, s + 1).formatAsString(dataSheet, true));
        }
        if (line) {
            x.append("<c:axId val=\"0\"/><c:axId val=\"1\"/></c:lineChart>");
        } else {
            x.append("<c:gapWidth val=\"60\"/>");
            if (stacked) {
                x.append("<c:overlap val=\"100\"/>");
            }
            x.append("<c:axId val=\"0\"/><c:axId val=\"1\"/></c:barChart>");
        }
        boolean ranks = line && spec.ranks();
        x.append("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
                + "<c:delete val=\"false\"/><c:axPos val=\"b\"/>");
        title(x, spec.categoryAxis());
        // with ranks the category axis stays at the bottom, below the last rank
        x.append(TICKS).append("<c:crossAx val=\"1\"/><c:crosses val=\"").append(ranks ? "max" : "autoZero")
                .append("\"/><c:auto val=\"false\"/></c:catAx>");
        x.append("<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"")
                .append(ranks ? "maxMin\"/><c:min val=\"1.0\"/>" : "minMax\"/>")
                .append("</c:scaling><c:delete val=\"false\"/><c:axPos val=\"l\"/>");
        title(x, spec.valueAxis());
        x.append(TICKS).append("<c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"midCat\"/>");
        if (ranks) {
            x.append("<c:majorUnit val=\"1.0\"/>");
        }
        x.append("</c:valAx></c:plotArea>");
        if (spec.series().size() > 1) {
            x.append("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"false\"/></c:legend>");
        }
        x.append("<c:plotVisOnly val=\"true\"/></c:chart><c:printSettings><c:headerFooter/>"
                + "<c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "<c:pageSetup/></c:printSettings></c:chartSpace>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void series(StringBuilder x, ChartData spec, int s, boolean line, String dataSheet, int headerRow,
                               String categories, String values) {
        String rgb = hex(Charts.PALETTE[s % Charts.PALETTE.length]);
        x.append("<c:ser><c:idx val=\"").append(s).append("\"/><c:order val=\"").append(s).append("\"/>");
        x.append("<c:tx><c:strRef><c:f>");
        text(x, new CellReference(dataSheet, headerRow, s + 1, true, true).formatAsString());
        x.append("</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>");
        text(x, spec.series().get(s));
        x.append("</c:v></c:pt></c:strCache></c:strRef></c:tx>");
        if (line) {
            x.append("<c:spPr><a:ln w=\"25400\"><a:solidFill><a:srgbClr val=\"").append(rgb)
                    .append("\"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/></c:marker>");
        } else {
            x.append("<c:spPr><a:solidFill><a:srgbClr val=\"").append(rgb).append("\"/></a:solidFill>"
                    + "<a:ln><a:solidFill><a:prstClr val=\"white\"/></a:solidFill></a:ln></c:spPr>");
        }
        int n = spec.categories().size();
        x.append("<c:cat><c:strRef><c:f>");
        text(x, categories);
        x.append("</c:f><c:strCache><c:ptCount val=\"").append(n).append("\"/>");
        for (int c = 0; c < n; c++) {
            x.append("<c:pt idx=\"").append(c).append("\"><c:v>");
            text(x, spec.categories().get(c));
            x.append("</c:v></c:pt>");
        }
        x.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>");
        text(x, values);
        x.append("</c:f><c:numCache><c:ptCount val=\"").append(n).append("\"/>");
        for (int c = 0; c < n; c++) {
            double v = spec.value(s, c);
            if (!Double.isNaN(v)) {
                x.append("<c:pt idx=\"").append(c).append("\"><c:v>").append(v).append("</c:v></c:pt>");
            }
        }
        x.append("</c:numCache></c:numRef></c:val>");
        if (line) {
            x.append("<c:smooth val=\"false\"/>");
        }
        x.append("</c:ser>");
    }

    /** A colour as six upper-case hexadecimal digits, as DrawingML writes it. */
    private static String hex(int rgb) {
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = Character.toUpperCase(Character.forDigit(rgb & 0xF, 16));
            rgb >>= 4;
        }
        return new String(digits);
    }

    private static void title(StringBuilder x, String text) {
        x.append(TITLE_HEAD);
        text(x, text);
        x.append(TITLE_TAIL);
    }

    /** Text escaped for XML; characters XML 1.0 does not allow (controls, lone surrogates) are left out. */
    static void text(StringBuilder x, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '&') {
                x.append("&amp;");
            } else if (c == '<') {
                x.append("&lt;");
            } else if (c == '>') {
                // as XMLBeans writes it: only where it would end a "]]>"
                boolean ends = x.length() >= 2 && x.charAt(x.length() - 1) == ']' && x.charAt(x.length() - 2) == ']';
                x.append(ends ? "&gt;" : ">");
            } else if (c < 0x20) {
                if (c == '\t' || c == '\n' || c == '\r') {
                    x.append(c);
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    x.append(c).append(s.charAt(++i));
                }
            } else if (!Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                x.append(c);
            }
        }
    }
}
