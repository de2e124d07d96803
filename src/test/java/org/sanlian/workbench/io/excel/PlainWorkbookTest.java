package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.io.data.FigureRows;

/** Plain data workbooks (.xlsx and .xls): the data file's long format on the first sheet, read as kindly as is safe. */
class PlainWorkbookTest {

    private static final Period Y2025 = Period.year(2025);

    @TempDir
    Path dir;

    /** Writes rows (the first is the header) to a new workbook; a String starting with '=' is a formula. */
    private Path workbook(Workbook wb, String name, Object[]... rows) throws IOException {
        try (wb) {
            Sheet s = wb.createSheet("数据");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number) {
                        cell.setCellValue(((Number) v).doubleValue());
                    } else if (((String) v).startsWith("=")) {
                        cell.setCellFormula(((String) v).substring(1));
                    } else {
                        cell.setCellValue((String) v);
                    }
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    private static WorkbookReader.Result read(Path file) {
        return WorkbookReader.read(file, ExcelFixtures.context());
    }

    private static List<Issue> refused(Path file) {
        return catchThrowableOfType(ValidationException.class, () -> read(file)).issues();
    }

    @Test
    void anXlsWorkbookInTheLongFormatIsRead() throws IOException {
        Path file = workbook(new HSSFWorkbook(), "data.xls",
                new Object[] {"period", "unit", "code", "value", "note"},
                new Object[] {2025, 331102, "GDP", 339.39, "快报"},
                new Object[] {"2025", "331121", "HTE", 57, null},
                new Object[] {"2025", "331121", "P_LATE", null, null},
                new Object[] {},
                new Object[] {2025, "331121", "V_FRAUD", 0, ""});

        WorkbookReader.Result r = read(file);

        assertThat(r.template()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.data().observations()).extracting(Observation::unit, Observation::code, Observation::value,
                Observation::note).containsExactly(
                tuple("331102", "GDP", java.util.OptionalDouble.of(339.39), "快报"),
                tuple("331121", "HTE", java.util.OptionalDouble.of(57), ""),
                tuple("331121", "P_LATE", java.util.OptionalDouble.empty(), ""),
                tuple("331121", "V_FRAUD", java.util.OptionalDouble.of(0), ""));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCaseAndByTheirChineseNames() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "data.xlsx",
                new Object[] {null, null},
                new Object[] {"数值", "代码", "单位代码", "Period", "备注"},
                new Object[] {1.5, "GDP", "331102", "2025", "说明"});
        assertThat(read(file).data().value(Y2025, "331102", "GDP")).hasValue(1.5);
    }

    @Test
    void fullWidthDigitsThousandsSeparatorsAndTextNumbersAreAcceptedWithAWarningThatNamesTheCell() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "data.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "GDP", "３３９．３９"},
                new Object[] {"2025", "331102", "RD_EXP", "182,345.6"},
                new Object[] {"2025", "331102", "HTE", " 191 "},
                new Object[] {"2025", "331102", "IND_RD", "－０"});

        WorkbookReader.Result r = read(file);

        assertThat(r.data().value(Y2025, "331102", "GDP")).hasValue(339.39);
        assertThat(r.data().value(Y2025, "331102", "RD_EXP")).hasValue(182345.6);
        assertThat(r.data().value(Y2025, "331102", "HTE")).hasValue(191.0);
        assertThat(r.warnings()).extracting(Issue::where, Issue::code, Issue::args).containsExactly(
                tuple(file + ":数据!D2", "excel.full-width-number", List.of("３３９．３９", "339.39")),
                tuple(file + ":数据!D3", "excel.thousands-separator", List.of("182,345.6", "182345.6")),
                tuple(file + ":数据!D4", "excel.number-as-text", List.of("191")),
                tuple(file + ":数据!D5", "excel.full-width-number", List.of("－０", "0")));
        assertThat(r.warningsByUnit()).containsExactly(java.util.Map.entry("331102", 4));
    }

    @Test
    void aFullWidthNegativeValueIsStillHeldToTheBounds() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "data.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "IND_REV", "－１，２３４"});
        assertThat(refused(file)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(file + ":数据!D2", "csv.out-of-bounds"));
    }

    @Test
    void formulasAreReadAsTheirCachedValues() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "data.xlsx",
                new Object[] {"period", "unit", "code", "value", "note"},
                new Object[] {"=2020+5", "=\"3311\"&\"02\"", "GDP", "=100*3+39.39", "=\"公式\""});

        WorkbookReader.Result r = read(file);

        assertThat(r.data().value(Y2025, "331102", "GDP")).hasValue(339.39);
        assertThat(r.data().observations().get(0).note()).isEqualTo("公式");
        assertThat(r.warnings()).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(file + ":数据!D2", "excel.formula-value"));
    }

    @Test
    void everyProblemIsListedWithSheetAndCellAndTheFileYieldsNothing() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "data.xlsx",
                new Object[] {"period", "unit", "code", "value", "note"},
                new Object[] {"2025", "999999", "GDP", 1, null},
                new Object[] {"2025", "331102", "RD_INT", 1, null},
                new Object[] {"2025", "331102", "HTE", 1.5, null},
                new Object[] {"2025", "331102", "QIYOU", 101, null},
                new Object[] {"2025", "331102", "GDP", "1,5", null},
                new Object[] {"2025H1", "331102", "RD_EXP", 1, null},
                new Object[] {"2025", "331102", "NOPE", 1, null},
                new Object[] {"2025", "331102", "HTE", 2, null},
                new Object[] {"2025", "331102", "P_LATE", -1, null},
                new Object[] {"2025", "331102", "TECH_SME", "=1/0", null});

        List<Issue> issues = refused(file);

        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                tuple(file + ":数据!B2", "csv.unknown-unit"),
                tuple(file + ":数据!C3", "csv.derived-code"),
                tuple(file + ":数据!D4", "csv.not-integer"),
                tuple(file + ":数据!D5", "csv.out-of-bounds"),
                tuple(file + ":数据!D6", "excel.bad-number"),
                tuple(file + ":数据!A7", "csv.period-kind"),
                tuple(file + ":数据!C8", "csv.unknown-code"),
                tuple(file + ":数据!C9", "excel.duplicate"),
                tuple(file + ":数据!D10", "csv.negative-count"),
                tuple(file + ":数据!D11", "excel.formula-error"));
        assertThat(issues.get(7).args()).containsExactly("2025", "331102", "HTE", "数据!C4");
    }

    @Test
    void aBadHeaderUnknownColumnsAndContentWithoutAColumnAreRefused() throws IOException {
        Path noHeader = workbook(new XSSFWorkbook(), "a.xlsx", new Object[] {"2025", "331102", "GDP", 1});
        assertThat(refused(noHeader)).extracting(Issue::code).containsExactly("excel.missing-header");

        Path unknown = workbook(new XSSFWorkbook(), "b.xlsx",
                new Object[] {"period", "unit", "code", "value", "单位名称"},
                new Object[] {"2025", "331102", "GDP", 1, "莲都区"});
        assertThat(refused(unknown)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(unknown + ":数据!E1", "excel.unknown-column"));

        Path stray = workbook(new XSSFWorkbook(), "c.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "GDP", 1, null, "旁注"});
        assertThat(refused(stray)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(stray + ":数据!F2", "excel.unnamed-column"));

        Path missing = workbook(new XSSFWorkbook(), "d.xlsx",
                new Object[] {"period", "unit", "value"},
                new Object[] {"2025", "331102", 1});
        assertThat(refused(missing)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(missing + ":数据!A1", "csv.missing-column"));
    }

    @Test
    void aDateTypedIntoAValueCellIsRefused() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "e.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "GDP", 45000});
        Path dated = ExcelFixtures.edit(file, dir.resolve("dated.xlsx"), w -> {
            CellStyle style = w.createCellStyle();
            style.setDataFormat(w.createDataFormat().getFormat("yyyy-mm-dd"));
            w.getSheetAt(0).getRow(1).getCell(3).setCellStyle(style);
        });
        assertThat(refused(dated)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(dated + ":数据!D2", "excel.date-value"));
    }

    @Test
    void aStreamingWritersInlineStringsAreRead() throws IOException {
        Path file = dir.resolve("streamed.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("数据");
            String[] header = {"period", "unit", "code", "value", "note"};
            Row h = s.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Row r1 = s.createRow(2);
            r1.createCell(0).setCellValue(2025);
            r1.createCell(1).setCellValue("331102");
            r1.createCell(2).setCellValue("GDP");
            r1.createCell(3).setCellValue("１,２３４.５");
            r1.createCell(4).setCellValue("内联文本");
            wb.write(out);
        }
        WorkbookReader.Result r = read(file);
        assertThat(r.data().value(Y2025, "331102", "GDP")).hasValue(1234.5);
        assertThat(r.data().observations().get(0).note()).isEqualTo("内联文本");
        assertThat(r.warnings()).extracting(Issue::where).containsExactly(file + ":数据!D3");
    }

    @Test
    void aFormulaWithoutASavedResultIsRefusedNotReadAsZero() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "f.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "HTE", "=100+91"});
        Path unevaluated = ExcelFixtures.edit(file, dir.resolve("unevaluated.xlsx"), wb ->
                ((org.apache.poi.xssf.usermodel.XSSFCell) wb.getSheetAt(0).getRow(1).getCell(3)).getCTCell().unsetV());
        List<Issue> issues = refused(unevaluated);
        assertThat(issues).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(unevaluated + ":数据!D2", "excel.formula-no-value"));
        assertThat(issues.get(0).args()).containsExactly("100+91");
    }

    @Test
    void aTargetsWorkbookIsReadAsTargets() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "targets.xlsx",
                new Object[] {"period", "unit", "code", "value"},
                new Object[] {"2025", "331102", "HTE", 200});
        WorkbookReader.Context targets = new WorkbookReader.Context(FigureRows.Kind.TARGETS, ExcelFixtures.scheme(),
                y -> Optional.empty(), Optional.empty(), WorkbookFiles.Limits.DEFAULT);
        assertThat(WorkbookReader.read(file, targets).data().value(Y2025, "331102", "HTE")).hasValue(200.0);
    }
}
