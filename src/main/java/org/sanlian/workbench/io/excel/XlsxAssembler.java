package org.sanlian.workbench.io.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a workbook whose long tables are streamed: POI writes the workbook (styles, titles and
 * headers, frozen panes, print setup, merged cells, charts and pictures) to memory, then each part is
 * copied to the output, and a sheet that has a body gets its rows inserted at the end of its
 * {@code sheetData} and its {@code dimension} set to cover them — POI's BigGridDemo approach, without
 * SXSSF's temporary files.
 *
 * <p>For speed the bodies are written and compressed on another thread while POI builds the rest:
 * each is a raw deflate segment that ends in a sync flush, so it can sit between the compressed head
 * and tail of its sheet's XML in one entry (as pigz joins blocks), with the entry's CRC-32 combined
 * from the three parts. Every entry carries the same time, so the same workbook gives the same parts.
 */
final class XlsxAssembler {

    /** A sheet's streamed rows, below the rows POI holds, and how far they reach (0-based, inclusive). */
    record Body(int lastRow, int lastColumn, Rows rows) {
    }

    @FunctionalInterface
    interface Rows {
        void write(RowWriter rows) throws IOException;
    }

    /** Deflated bytes (a raw segment), the CRC-32 and the length of what they hold. */
    record Segment(byte[] deflated, long crc, long length) {
    }

    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[^\"]*\"/>");

    private XlsxAssembler() {
    }

    /** Writes and compresses a body's rows on {@code executor}, checking they keep to the declared extent. */
    static CompletableFuture<Segment> start(String sheet, Body body, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try (SegmentWriter out = new SegmentWriter()) {
                RowWriter rows = new RowWriter(out);
                body.rows().write(rows);
                rows.end();
                rows.flush();
                if (rows.maxRow() > body.lastRow() || rows.maxColumn() > body.lastColumn()) {
                    throw new IllegalStateException("sheet " + sheet + " wrote past its declared extent");
                }
                return out.segment(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** As below, every part as POI writes it. */
    static void write(XSSFWorkbook wb, Map<XSSFSheet, Body> bodies, Map<XSSFSheet, CompletableFuture<Segment>> segments,
                      LocalDateTime time, OutputStream target) throws IOException {
        write(wb, bodies, segments, Map.of(), time, target);
    }

    /** Writes the workbook with its sheets' bodies spliced in and the text of {@code parts} (by part name) in place of POI's. */
    static void write(XSSFWorkbook wb, Map<XSSFSheet, Body> bodies, Map<XSSFSheet, CompletableFuture<Segment>> segments,
                      Map<String, byte[]> parts, LocalDateTime time, OutputStream target) throws IOException {
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream(1 << 20);
        wb.write(skeleton);
        Map<String, XSSFSheet> byPart = new HashMap<>();
        for (XSSFSheet s : bodies.keySet()) {
            byPart.put(s.getPackagePart().getPartName().getName().substring(1), s);
        }
        long millis = time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(nonClosing(target));
             ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] own = parts.get(e.getName());
                byte[] content = own != null ? own : in.readAllBytes();
                XSSFSheet sheet = byPart.get(e.getName());
                List<Segment> pieces = sheet == null ? List.of(compress(content, true))
                        : spliced(new String(content, StandardCharsets.UTF_8), sheet, bodies.get(sheet),
                                join(segments.get(sheet)));
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getName());
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setTime(millis);
                long crc = 0;
                long length = 0;
                long compressed = 0;
                List<ByteArrayInputStream> streams = new java.util.ArrayList<>();
                for (Segment p : pieces) {
                    crc = Crc32.combine(crc, p.crc(), p.length());
                    length += p.length();
                    compressed += p.deflated().length;
                    streams.add(new ByteArrayInputStream(p.deflated()));
                }
                entry.setCrc(crc);
                entry.setSize(length);
                entry.setCompressedSize(compressed);
                zip.addRawArchiveEntry(entry, new SequenceInputStream(Collections.enumeration(streams)));
            }
            zip.finish();
        }
    }

    /** The sheet's XML around its body: head (dimension corrected), the body, tail. */
    private static List<Segment> spliced(String xml, XSSFSheet sheet, Body body, Segment rows) throws IOException {
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
        head = DIMENSION.matcher(head).replaceFirst(Matcher.quoteReplacement("<dimension ref=\"" + ref + "\"/>"));
        return List.of(compress(head.getBytes(StandardCharsets.UTF_8), false), rows,
                compress(tail.getBytes(StandardCharsets.UTF_8), true));
    }

    /** Bytes as a raw deflate segment: the stream's last one when {@code last}, else ending in a sync flush. */
    static Segment compress(byte[] bytes, boolean last) throws IOException {
        try (SegmentWriter out = new SegmentWriter()) {
            out.write(bytes, 0, bytes.length);
            return out.segment(last);
        }
    }

    private static Segment join(CompletableFuture<Segment> segment) throws IOException {
        try {
            return segment.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                throw ((UncheckedIOException) e.getCause()).getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** Compresses what is written into a raw deflate segment, at level 1, with its CRC-32 and length. */
    private static final class SegmentWriter extends OutputStream {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(1 << 16);
        private final CRC32 crc = new CRC32();
        private final byte[] chunk = new byte[1 << 16];
        private long length;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            length += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                compressed.write(chunk, 0, deflater.deflate(chunk));
            }
        }

        Segment segment(boolean last) {
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    compressed.write(chunk, 0, deflater.deflate(chunk));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                    compressed.write(chunk, 0, n);
                } while (n == chunk.length);
            }
            return new Segment(compressed.toByteArray(), crc.getValue(), length);
        }

        @Override
        public void close() {
            deflater.end();
        }
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
