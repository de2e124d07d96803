package org.sanlian.workbench.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * Writes the Excel part of the bad-input corpus ({@code corpus/excel/}) with POI: plain data
 * workbooks against the example scheme (units A1..B3, inputs GDP and RD_EXP ...) with formulas,
 * merged and hidden cells, NaN, infinities, huge and negative numbers, duplicate and unknown codes,
 * a macro workbook renamed .xlsx, an .xls, broken files. The files are committed; run
 * {@link #main} to write them again after changing this class. The zip bomb is not a file: the
 * test builds it with {@link #zipBomb}.
 */
final class CorpusWorkbooks {

    static final Path DIR = Path.of("src/test/resources/org/sanlian/workbench/corpus/excel");

    private CorpusWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        writeAll(args.length > 0 ? Path.of(args[0]) : DIR);
    }

    static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        save(plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 330.5, "统计局快报"},
            {"2026", "A2", "GDP", 170.0, ""}}), dir.resolve("plain-valid.xlsx"));
        Workbook formulas = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", "=1+2", "=HYPERLINK(\"http://x\")"},
            {"2026", "A2", "GDP", "=SUM(D2:D2)", ""}, {"2026", "A3", "=\"GD\"&\"P\"", 5.0, ""}});
        save(formulas, dir.resolve("formulas.xlsx"));
        Workbook merged = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 1.0, ""},
            {"", "A2", "GDP", 2.0, ""}, {"2026", "A3", "GDP", 3.0, "merged note"}});
        merged.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
        merged.getSheetAt(0).addMergedRegion(new CellRangeAddress(3, 3, 3, 4));
        save(merged, dir.resolve("merged-cells.xlsx"));
        Workbook hidden = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 1.0, ""},
            {"2026", "A2", "GDP", 2.0, ""}});
        hidden.getSheetAt(0).getRow(2).setZeroHeight(true);
        hidden.getSheetAt(0).setColumnHidden(4, true);
        Sheet secret = hidden.createSheet("secret");
        secret.createRow(0).createCell(0).setCellValue("=cmd|' /C calc'!A0");
        hidden.setSheetHidden(1, true);
        save(hidden, dir.resolve("hidden-cells.xlsx"));
        Workbook hiddenFirst = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 1.0, ""}});
        hiddenFirst.createSheet("visible").createRow(0).createCell(0).setCellValue("nothing here");
        hiddenFirst.setSheetHidden(0, true);
        hiddenFirst.setActiveSheet(1);
        save(hiddenFirst, dir.resolve("hidden-first-sheet.xlsx"));
        Workbook numbers = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", "NaN", ""},
            {"2026", "A2", "GDP", Double.NaN, ""}, {"2026", "A3", "GDP", "Infinity", ""},
            {"2026", "B1", "GDP", Double.POSITIVE_INFINITY, ""}, {"2026", "B2", "GDP", "1e400", ""},
            {"2026", "B3", "GDP", -330.0, ""}, {"2026", "A1", "PROJECTS", 1e308, ""},
            {"2026", "A2", "PROJECTS", -1e308, ""}, {"2026", "A3", "PROJECTS", "１２３", ""}});
        save(numbers, dir.resolve("nan-infinity-huge-negative.xlsx"));
        save(plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 1.0, ""}, {"2026", "A1", "GDP", 2.0, ""},
            {"2026", "Z9", "GDP", 1.0, ""}, {"2026", "A2", "NOPE", 1.0, ""}, {"2026", "A3", "RD_INT", 1.0, ""},
            {"20x6", "A3", "GDP", 1.0, ""}}), dir.resolve("duplicate-unknown-codes.xlsx"));
        Workbook odd = plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", true, ""},
            {"2026", "A2", "GDP", FormulaError.DIV0, ""}, {2026.0, "A3", "GDP", 4.0, ""},
            {"2026", "B1", "GDP", new java.util.Date(0), ""}});
        save(odd, dir.resolve("error-boolean-date-cells.xlsx"));
        save(plain(new XSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 5.0, "长".repeat(32767)}}),
                dir.resolve("long-text.xlsx"));
        Workbook empty = new XSSFWorkbook();
        empty.createSheet("Sheet1");
        save(empty, dir.resolve("empty-sheet.xlsx"));
        Workbook noHeader = new XSSFWorkbook();
        Row r = noHeader.createSheet("Sheet1").createRow(0);
        r.createCell(0).setCellValue("2026");
        r.createCell(1).setCellValue("A1");
        save(noHeader, dir.resolve("no-header.xlsx"));
        XSSFWorkbook macro = new XSSFWorkbook(XSSFWorkbookType.XLSM);
        plain(macro, new Object[][] {{"2026", "A1", "GDP", 1.0, ""}});
        save(macro, dir.resolve("macro-renamed.xlsx"));
        save(plain(new XSSFWorkbook(XSSFWorkbookType.XLSM), new Object[][] {{"2026", "A1", "GDP", 1.0, ""}}),
                dir.resolve("macro.xlsm"));
        save(plain(new HSSFWorkbook(), new Object[][] {{"2026", "A1", "GDP", 1.0, ""}, {"2026", "A2", "GDP", "=1+1", ""}}),
                dir.resolve("legacy.xls"));
        byte[] valid = Files.readAllBytes(dir.resolve("plain-valid.xlsx"));
        Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(valid, valid.length / 2));
        byte[] xls = Files.readAllBytes(dir.resolve("legacy.xls"));
        Files.write(dir.resolve("truncated.xls"), Arrays.copyOf(xls, xls.length / 3));
        byte[] random = new byte[2048];
        new Random(7).nextBytes(random);
        Files.write(dir.resolve("random-bytes.xlsx"), random);
        Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        Files.writeString(dir.resolve("csv-renamed.xlsx"), "period,unit,code,value,note\n2026,A1,GDP,1,\n");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("zip-not-workbook.xlsx")))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** The long format on the first sheet: header, then the rows; "=..." strings become formulas. */
    static Workbook plain(Workbook wb, Object[][] rows) {
        Sheet sheet = wb.createSheet("数据");
        Row header = sheet.createRow(0);
        String[] names = {"period", "unit", "code", "value", "note"};
        for (int c = 0; c < names.length; c++) {
            header.createCell(c).setCellValue(names[c]);
        }
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i + 1);
            for (int c = 0; c < rows[i].length; c++) {
                Object v = rows[i][c];
                Cell cell = row.createCell(c);
                if (v instanceof String s && s.startsWith("=")) {
                    cell.setCellFormula(s.substring(1));
                } else if (v instanceof String s) {
                    cell.setCellValue(s);
                } else if (v instanceof Double d) {
                    cell.setCellValue(d);
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v instanceof FormulaError e) {
                    cell.setCellErrorValue(e.getCode());
                } else if (v instanceof java.util.Date d) {
                    cell.setCellValue(d);
                }
            }
        }
        return wb;
    }

    private static void save(Workbook wb, Path file) throws IOException {
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    /**
     * A zip bomb dressed as a workbook: the valid workbook's parts, with the sheet replaced by
     * {@code megabytes} of XML white space that deflates to almost nothing.
     */
    static void zipBomb(Path validXlsx, Path out, int megabytes) throws IOException {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(validXlsx.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.setLevel(9);
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.UTF_8);
                    zip.write(head);
                    byte[] blank = new byte[1 << 20];
                    Arrays.fill(blank, (byte) ' ');
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(blank);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(e).transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }
}
