package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input made at run time, too big or too tied to one database to keep as files: returned
 * templates (made by {@code db templates}, then spoiled with POI as a person or another program
 * might), zip bombs, and a million rows. Each goes to {@code db import} and is judged as the
 * corpus files are ({@link CliHarness}, {@code corpus/expected.properties}).
 */
class SpoiledInputTest {

    static final Path CORPUS = CliHarness.CORPUS;

    @TempDir
    static Path work;

    private static CliHarness cli;
    private static Path baseDb;
    private static Path template;
    private static int generated;

    @BeforeAll
    static void setUp() throws IOException {
        cli = new CliHarness(work);
        baseDb = cli.exampleDatabase();
        Path templates = work.resolve("templates");
        CliHarness.require(cli.plain("db", "templates", "--db", baseDb.toString(), "--period", "2025", "--unit", "A1",
                "--out", templates.toString()));
        try (Stream<Path> files = Files.list(templates)) {
            template = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void report() {
        cli.close();
        System.out.println("SpoiledInputTest: " + generated
                + " generated inputs (spoiled templates, truncated templates, zip bombs, a million rows), "
                + cli.figures());
    }

    private Path caseDir() {
        return cli.caseDir();
    }

    private void expect(String key, CliHarness.Outcome o) {
        cli.expect(key, o);
    }

    @Test
    void zipBombsAreRefusedBeforeTheyInflate() throws IOException {
        int from = cli.problems.size();
        Path bomb = work.resolve("bomb.xlsx");
        CorpusWorkbooks.zipBomb(CORPUS.resolve("excel/plain-valid.xlsx"), bomb, 64);
        Path templateBomb = work.resolve("template-bomb.xlsx");
        CorpusWorkbooks.zipBomb(template, templateBomb, 64);
        assertThat(Files.size(bomb)).isLessThan(200_000);
        for (Path f : List.of(bomb, templateBomb)) {
            generated++;
            expect("generated/zip-bomb.xlsx", cli.importInto(f.getFileName().toString(), baseDb, caseDir(), f));
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    /** The template of A1 for 2025 spoiled in one way each, as a person or another program might. */
    @Test
    void spoiledTemplatesLoadOrAreRefusedWithTheirSheetAndCell() throws IOException {
        int from = cli.problems.size();
        Map<String, Spoiler> spoilers = new LinkedHashMap<>();
        spoilers.put("filled", (wb, s) -> fill(s, 5.0));
        spoilers.put("formula", (wb, s) -> {
            fill(s, 5.0);
            s.getRow(5).getCell(5).setCellFormula("1+2");
        });
        spoilers.put("formula-note", (wb, s) -> {
            fill(s, 5.0);
            s.getRow(5).createCell(7).setCellFormula("HYPERLINK(\"http://x\")");
        });
        spoilers.put("merged", (wb, s) -> {
            fill(s, 5.0);
            s.addMergedRegion(new CellRangeAddress(5, 6, 5, 5));
        });
        spoilers.put("hidden", (wb, s) -> {
            fill(s, 5.0);
            s.getRow(6).setZeroHeight(true);
            s.setColumnHidden(5, true);
        });
        Map<String, String> texts = Map.of("NaN", "NaN", "Infinity", "Infinity", "huge", "1e400", "negative", "-5",
                "fullwidth", "１２３", "formula", "=1+1", "empty", "", "thousands", "1,234.5");
        for (Map.Entry<String, String> t : new java.util.TreeMap<>(texts).entrySet()) {
            String text = t.getValue();
            spoilers.put("text " + t.getKey(), (wb, s) -> {
                fill(s, 5.0);
                s.getRow(5).getCell(5).setCellValue(text);
            });
        }
        spoilers.put("number NaN", (wb, s) -> fill(s, Double.NaN));
        spoilers.put("number infinity", (wb, s) -> fill(s, Double.POSITIVE_INFINITY));
        spoilers.put("number huge", (wb, s) -> fill(s, 1e308));
        spoilers.put("number negative", (wb, s) -> fill(s, -1e6));
        spoilers.put("unknown code row", (wb, s) -> {
            fill(s, 5.0);
            Row extra = s.createRow(s.getLastRowNum() + 2);
            extra.createCell(1).setCellValue("NOPE");
            extra.createCell(5).setCellValue(9.0);
        });
        spoilers.put("duplicate code", (wb, s) -> {
            fill(s, 5.0);
            s.getRow(6).getCell(1).setCellValue(s.getRow(5).getCell(1).getStringCellValue());
        });
        spoilers.put("meta sheet removed", (wb, s) -> {
            fill(s, 5.0);
            wb.removeSheetAt(wb.getSheetIndex("_sanlian"));
        });
        spoilers.put("data sheet removed", (wb, s) -> wb.removeSheetAt(wb.getSheetIndex(s)));
        spoilers.put("rows deleted", (wb, s) -> {
            for (int r = s.getLastRowNum(); r >= 5; r--) {
                Row row = s.getRow(r);
                if (row != null) {
                    s.removeRow(row);
                }
            }
        });
        spoilers.put("macro", (wb, s) -> {
            fill(s, 5.0);
            wb.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM);
        });
        for (Map.Entry<String, Spoiler> e : spoilers.entrySet()) {
            generated++;
            Path f = work.resolve("template " + e.getKey().replaceAll("[^\\w -]", "_") + ".xlsx");
            XSSFWorkbook wb;
            try (InputStream in = Files.newInputStream(template)) {
                wb = new XSSFWorkbook(in);
            }
            try (wb; OutputStream out = Files.newOutputStream(f)) {
                e.getValue().spoil(wb, wb.getSheet("填报表"));
                wb.write(out);
            }
            expect("template/" + e.getKey().replace(' ', '-'), cli.importInto("template " + e.getKey(), baseDb, caseDir(), f));
        }
        byte[] bytes = Files.readAllBytes(template);
        for (int cut : new int[] {0, 100, bytes.length / 2, bytes.length - 30}) {
            generated++;
            Path f = work.resolve("template-truncated-" + cut + ".xlsx");
            Files.write(f, Arrays.copyOf(bytes, cut));
            expect("template/truncated", cli.importInto(f.getFileName().toString(), baseDb, caseDir(), f));
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    /**
     * A million rows: streamed from a generated file, every row an unknown unit. The reader keeps
     * the first thousand problems and counts the rest; nothing is imported.
     */
    @Test
    void aMillionRowsAreReadAndRefusedWithTheProblemsCounted() throws IOException {
        int from = cli.problems.size();
        Path big = work.resolve("million.csv");
        try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("period,unit,code,value,note\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("2026,X");
                w.write(Integer.toString(i % 1000));
                w.write(",GDP,1,\n");
            }
        }
        generated++;
        CliHarness.Outcome o = cli.importInto("million.csv", baseDb, caseDir(), big);
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("million.csv:2:2").contains("million.csv:1001:2").contains("999000").contains("1,001").doesNotContain("million.csv:1002:");
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @FunctionalInterface
    private interface Spoiler {
        void spoil(XSSFWorkbook wb, Sheet dataSheet);
    }

    /** Types {@code value} into every item's value cell (column F from row 6). */
    private static void fill(Sheet s, double value) {
        for (Row row : s) {
            Cell code = row.getCell(1);
            if (row.getRowNum() >= 5 && code != null && !code.toString().isBlank()) {
                row.getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
            }
        }
    }
}
