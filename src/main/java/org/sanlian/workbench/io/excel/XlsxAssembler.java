package org.sanlian.workbench.io.excel;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a workbook whose long tables are streamed: POI writes the workbook (styles, titles and
 * headers, frozen panes, print setup, merged cells, charts and pictures) to memory, then each part is
 * copied to the output, and a sheet that has a body gets its rows inserted at the end of its
 * {@code sheetData} and its {@code dimension} set to cover them. This is POI's own BigGridDemo
 * approach: no SXSSF temporary files, and charts and pictures stay POI's. Every entry carries the
 * same time, so writing the same workbook twice gives the same parts.
 */
final class XlsxAssembler {

    /** A sheet's streamed rows, below the rows POI holds, and how far they reach (0-based, inclusive). */
    record Body(int lastRow, int lastColumn, Rows rows) {
    }

    @FunctionalInterface
    interface Rows {
        void write(RowWriter rows) throws IOException;
    }

    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[^\"]*\"/>");

    private XlsxAssembler() {
    }

    static void write(XSSFWorkbook wb, Map<XSSFSheet, Body> bodies, LocalDateTime time, OutputStream target)
            throws IOException {
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream(1 << 20);
        wb.write(skeleton);
        Map<String, XSSFSheet> byPart = new HashMap<>();
        for (XSSFSheet s : bodies.keySet()) {
            byPart.put(s.getPackagePart().getPartName().getName().substring(1), s);
        }
        ZipOutputStream zip = new ZipOutputStream(nonClosing(target));
        zip.setLevel(Deflater.BEST_SPEED);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                XSSFSheet sheet = byPart.get(e.getName());
                if (sheet == null) {
                    in.transferTo(zip);
                } else {
                    splice(new String(in.readAllBytes(), StandardCharsets.UTF_8), sheet, bodies.get(sheet), zip);
                }
                zip.closeEntry();
            }
        }
        zip.close(); // finishes the archive; the caller's stream stays open
    }

    private static void splice(String xml, XSSFSheet sheet, Body body, OutputStream zip) throws IOException {
        String head;
        String tail;
        int end = xml.indexOf("</sheetData>");
        if (end >= 0) {
            head = xml.substring(0, end);
            tail = xml.substring(end);
        } else {
            int empty = xml.indexOf("<sheetData/>");
            if (empty < 0) {
                throw new IOException("no sheetData in sheet " + sheet.getSheetName());
            }
            head = xml.substring(0, empty) + "<sheetData>";
            tail = "</sheetData>" + xml.substring(empty + "<sheetData/>".length());
        }
        int lastRow = Math.max(sheet.getLastRowNum(), body.lastRow());
        int lastColumn = body.lastColumn();
        for (Row r : sheet) {
            lastColumn = Math.max(lastColumn, r.getLastCellNum() - 1);
        }
        String ref = "A1:" + RowWriter.column(Math.max(0, lastColumn)) + (Math.max(0, lastRow) + 1);
        Writer w = new BufferedWriter(new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
        w.write(DIMENSION.matcher(head).replaceFirst(Matcher.quoteReplacement("<dimension ref=\"" + ref + "\"/>")));
        RowWriter rows = new RowWriter(w);
        body.rows().write(rows);
        rows.end();
        if (rows.maxRow() > body.lastRow() || rows.maxColumn() > body.lastColumn()) {
            throw new IllegalStateException("sheet " + sheet.getSheetName() + " wrote past its declared extent");
        }
        w.write(tail);
        w.flush();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
