package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one .xlsx sheet from its XML, one row at a time, as {@link RawCell}s: a plain
 * data workbook of any size within the caps is read without building POI's object model (which
 * needs about 2 GB for 200,000 rows). The XML reader is POI's, with external entities off.
 */
final class SheetStream extends DefaultHandler {

    /** Receives each row that holds at least one cell, in sheet order. */
    interface RowSink {
        void row(int row, List<RawCell> cells);
    }

    private static final DataFormatter FORMATTER = new DataFormatter();

    private final SharedStrings strings;
    private final StylesTable styles;
    private final RowSink sink;

    private List<RawCell> cells;
    private int row = -1;
    private int column = -1;
    private String type;
    private int style = -1;
    private boolean inValue;
    private boolean inFormula;
    private boolean inInline;
    private boolean hasValue;
    private boolean hasFormula;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();

    private SheetStream(SharedStrings strings, StylesTable styles, RowSink sink) {
        this.strings = strings;
        this.styles = styles;
        this.sink = sink;
    }

    static void read(InputStream sheet, SharedStrings strings, StylesTable styles, RowSink sink)
            throws IOException, SAXException {
        XMLReader reader;
        try {
            reader = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
        reader.setContentHandler(new SheetStream(strings, styles, sink));
        reader.parse(new InputSource(sheet));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (name(localName, qName)) {
            case "row": {
                String r = attributes.getValue("r");
                row = r != null ? Integer.parseInt(r) - 1 : row + 1;
                column = -1;
                cells = new ArrayList<>();
                break;
            }
            case "c": {
                String r = attributes.getValue("r");
                if (r != null) {
                    CellReference ref = new CellReference(r);
                    column = ref.getCol();
                    if (ref.getRow() >= 0) {
                        row = ref.getRow();
                    }
                } else {
                    column++;
                }
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? -1 : Integer.parseInt(s);
                value.setLength(0);
                formula.setLength(0);
                hasValue = false;
                hasFormula = false;
                break;
            }
            case "v":
                inValue = true;
                hasValue = true;
                break;
            case "f":
                inFormula = true;
                hasFormula = true;
                break;
            case "is":
                inInline = true;
                hasValue = true;
                break;
            default:
                break;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || (inInline && !inFormula)) {
            value.append(ch, start, length);
        } else if (inFormula) {
            formula.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (name(localName, qName)) {
            case "v":
                inValue = false;
                break;
            case "f":
                inFormula = false;
                break;
            case "is":
                inInline = false;
                break;
            case "c":
                if (cells == null) {
                    cells = new ArrayList<>();
                }
                cells.add(cell());
                break;
            case "row":
                if (cells != null && !cells.isEmpty()) {
                    sink.row(row, cells);
                }
                cells = null;
                break;
            default:
                break;
        }
    }

    /** The element's name without a namespace prefix, whether or not the parser is namespace aware. */
    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private RawCell cell() {
        String f = hasFormula ? (formula.length() > 0 ? formula.toString() : "…") : null;
        if (!hasValue) {
            return f == null ? RawCell.blank(row, column)
                    : new RawCell(row, column, RawCell.Type.BLANK, "", 0, "", false, f, false);
        }
        String v = value.toString();
        String t = type == null ? "n" : type;
        switch (t) {
            case "s": {
                String text = strings.getItemAt(Integer.parseInt(v.trim())).getString();
                return new RawCell(row, column, RawCell.Type.TEXT, text, 0, "", false, f, true);
            }
            case "inlineStr":
            case "str":
                return new RawCell(row, column, RawCell.Type.TEXT, v, 0, "", false, f, true);
            case "b":
                return new RawCell(row, column, RawCell.Type.BOOLEAN, "1".equals(v.trim()) ? "TRUE" : "FALSE", 0, "",
                        false, f, true);
            case "e":
                return new RawCell(row, column, RawCell.Type.ERROR, v.trim(), 0, "", false, f, true);
            case "d":
                // an ISO 8601 date written as such: a date, whatever its text
                return new RawCell(row, column, RawCell.Type.NUMBER, "", 0, v, true, f, true);
            default: {
                if (v.isBlank()) {
                    return f == null ? RawCell.blank(row, column)
                            : new RawCell(row, column, RawCell.Type.BLANK, "", 0, "", false, f, false);
                }
                double number;
                try {
                    number = Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    return new RawCell(row, column, RawCell.Type.TEXT, v, 0, "", false, f, true);
                }
                boolean date = false;
                String shown = "";
                if (style >= 0 && styles != null && style < styles.getNumCellStyles()) {
                    XSSFCellStyle cs = styles.getStyleAt(style);
                    short index = cs.getDataFormat();
                    String format = cs.getDataFormatString();
                    if (format != null && DateUtil.isADateFormat(index, format) && DateUtil.isValidExcelDate(number)) {
                        date = true;
                        shown = FORMATTER.formatRawCellContents(number, index, format);
                    }
                }
                return new RawCell(row, column, RawCell.Type.NUMBER, "", number, shown, date, f, true);
            }
        }
    }
}
