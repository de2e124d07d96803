package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.data.FigureRows;

/** Returned templates: what is typed comes back; altered ones, wrong values and empty cells are refused with sheet and cell. */
class TemplateReaderTest {

    @TempDir
    Path dir;

    private WorkbookReader.Result read(Path file) {
        return WorkbookReader.read(file, ExcelFixtures.context());
    }

    private List<Issue> refused(Path file) {
        return refused(file, ExcelFixtures.context());
    }

    private static List<Issue> refused(Path file, WorkbookReader.Context context) {
        return catchThrowableOfType(ValidationException.class, () -> WorkbookReader.read(file, context)).issues();
    }

    private Path filled(String unit, Map<String, ?> values, Map<String, String> notes) throws IOException {
        return ExcelFixtures.fill(ExcelFixtures.template(dir, unit), dir.resolve("filled-" + unit + ".xlsx"), values,
                notes);
    }

    private Path filled(String unit) throws IOException {
        return filled(unit, ExcelFixtures.fullValues(), Map.of());
    }

    private static String at(Path file, String cell) {
        return file + ":" + cell;
    }

    @Test
    void whatIsTypedComesBackForTheTemplatesOwnUnitAndPeriod() throws IOException {
        Map<String, Object> values = ExcelFixtures.fullValues();
        values.put("GDP", 339.39);
        values.put("HTE", 191.0);
        Path file = filled("331102", values, Map.of("GDP", "统计局快报"));

        WorkbookReader.Result r = read(file);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.template()).hasValue(new WorkbookReader.TemplateOrigin("331102", ExcelFixtures.Y2025,
                "SANLIAN-2025", 2025));
        List<String> codes = FigureRows.unitCodes(ExcelFixtures.scheme());
        assertThat(r.data().observations()).hasSize(codes.size())
                .allSatisfy(o -> {
                    assertThat(o.unit()).isEqualTo("331102");
                    assertThat(o.period()).isEqualTo(ExcelFixtures.Y2025);
                });
        assertThat(r.data().observations()).extracting(Observation::code).containsExactlyElementsOf(codes);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "GDP")).hasValue(339.39);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "HTE")).hasValue(191.0);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "QIYOU")).hasValue(12.25);
        assertThat(r.data().observations()).filteredOn(o -> o.code().equals("GDP"))
                .extracting(Observation::note).containsExactly("统计局快报");
    }

    @Test
    void anEmptyValueIsRefusedUnlessItsNoteSaysWhy() throws IOException {
        Map<String, Object> values = ExcelFixtures.fullValues();
        values.remove("GDP");
        values.remove("RD_EXP");
        Path file = filled("331102", values, Map.of("RD_EXP", "统计局尚未发布"));

        List<Issue> issues = refused(file);

        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                tuple(at(file, "填报表!F6"), "excel.template-empty-value"));
        assertThat(issues.get(0).args()).containsExactly("GDP", "地区生产总值", "H6");

        values.put("GDP", 1.0);
        Path explained = filled("331102", values, Map.of("RD_EXP", "统计局尚未发布"));
        WorkbookReader.Result r = read(explained);
        assertThat(r.data().observations()).filteredOn(o -> o.code().equals("RD_EXP"))
                .extracting(Observation::value, Observation::note)
                .containsExactly(tuple(OptionalDouble.empty(), "统计局尚未发布"));
        assertThat(r.warnings()).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(at(explained, "填报表!F7"), "excel.template-missing-noted"));
    }

    @Test
    void wrongValuesAreAllReportedAtOnceWithSheetAndCell() throws IOException {
        Map<String, Object> values = ExcelFixtures.fullValues();
        values.put("GDP", "约300亿");
        values.put("RD_EXP", -5.0);
        values.put("HTE", 12.5);
        values.put("QIYOU", 101.0);
        values.put("LVGU", "TRUE?");
        Path file = filled("331102", values, Map.of());

        List<Issue> issues = refused(file);

        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                tuple(at(file, "填报表!F6"), "excel.bad-number"),
                tuple(at(file, "填报表!F7"), "csv.out-of-bounds"),
                tuple(at(file, "填报表!F" + ExcelFixtures.rowOf("HTE")), "csv.not-integer"),
                tuple(at(file, "填报表!F" + ExcelFixtures.rowOf("QIYOU")), "csv.out-of-bounds"),
                tuple(at(file, "填报表!F" + ExcelFixtures.rowOf("LVGU")), "excel.bad-number"));
        assertThat(issues.get(3).args()).containsExactly("QIYOU", "101", "0", "100");
    }

    @Test
    void numbersTypedAsTextInFullWidthOrWithThousandsSeparatorsAreReadWithAWarning() throws IOException {
        Map<String, Object> values = ExcelFixtures.fullValues();
        values.put("GDP", "１２３．５");
        values.put("RD_EXP", "1,234,567.8");
        values.put("HTE", "42");
        values.put("TECH_SME", "－０");
        values.put("IND_REV", "９，８７６");
        Path file = filled("331102", values, Map.of());

        WorkbookReader.Result r = read(file);

        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "GDP")).hasValue(123.5);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "RD_EXP")).hasValue(1234567.8);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "HTE")).hasValue(42.0);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "IND_REV")).hasValue(9876.0);
        assertThat(r.warnings()).extracting(Issue::where, Issue::code).containsExactly(
                tuple(at(file, "填报表!F6"), "excel.full-width-number"),
                tuple(at(file, "填报表!F7"), "excel.thousands-separator"),
                tuple(at(file, "填报表!F8"), "excel.full-width-number"),
                tuple(at(file, "填报表!F" + ExcelFixtures.rowOf("HTE")), "excel.number-as-text"),
                tuple(at(file, "填报表!F" + ExcelFixtures.rowOf("TECH_SME")), "excel.full-width-number"));
        assertThat(r.warnings().get(0).args()).containsExactly("１２３．５", "123.5");
    }

    @Test
    void formulasAreReadAsTheirSavedResultsAndOnesWithoutAResultAreRefused() throws IOException {
        Path template = ExcelFixtures.template(dir, "331102");
        Path evaluated = ExcelFixtures.edit(template, dir.resolve("evaluated.xlsx"), wb -> {
            ExcelFixtures.fillSheet(wb.getSheet(ExcelFixtures.SHEET), ExcelFixtures.fullValues(), Map.of());
            cell(wb, "F6").setCellFormula("E6*2+0.5");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        WorkbookReader.Result r = read(evaluated);
        assertThat(r.data().value(ExcelFixtures.Y2025, "331102", "GDP")).hasValue(600.5);
        assertThat(r.warnings()).extracting(Issue::where, Issue::code, Issue::args)
                .containsExactly(tuple(at(evaluated, "填报表!F6"), "excel.formula-value", List.of("E6*2+0.5", "600.5")));

        Path unevaluated = ExcelFixtures.edit(template, dir.resolve("unevaluated.xlsx"), wb -> {
            ExcelFixtures.fillSheet(wb.getSheet(ExcelFixtures.SHEET), ExcelFixtures.fullValues(), Map.of());
            org.apache.poi.xssf.usermodel.XSSFCell c = (org.apache.poi.xssf.usermodel.XSSFCell) cell(wb, "F6");
            c.setCellFormula("E6*2");
            c.getCTCell().unsetV();
        });
        assertThat(refused(unevaluated)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(at(unevaluated, "填报表!F6"), "excel.formula-no-value"));
    }

    @ParameterizedTest(name = "metadata {0} changed to {1}")
    @CsvSource({
        "B2, 331121",          // the unit
        "B3, 2024",            // the period
        "B4, SANLIAN-2024",    // the scheme code
        "B5, 2024",            // the scheme year
        "B6, Sheet1",          // the data sheet's name
        "A11, RD_EXP",         // a code of the layout
        "B12, F6",             // a value cell of the layout
        "C11, G6",             // a note cell of the layout
        "B8, 00ff",            // the signature itself
    })
    void aTemplateWhoseHiddenMetadataWasEditedIsRefusedAtTheSignature(String cell, String value) throws IOException {
        Path file = ExcelFixtures.edit(filled("331102"), dir.resolve("tampered.xlsx"),
                wb -> set(wb.getSheet(TemplateFormat.META_SHEET), cell, value));

        List<Issue> issues = refused(file);

        assertThat(issues).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(at(file, "_sanlian!B8"), "excel.template-signature"));
    }

    @Test
    void aSignatureMadeWithAnotherKeyOrNoKeyAtAllIsRefused() throws IOException {
        Path file = filled("331102");
        byte[] other = "another key, another database!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(refused(file, ExcelFixtures.context(Optional.of(other), ExcelFixtures.scheme())))
                .extracting(Issue::code).containsExactly("excel.template-signature");
        assertThat(refused(file, ExcelFixtures.context(Optional.empty(), ExcelFixtures.scheme())))
                .extracting(Issue::code).containsExactly("excel.template-no-key");
    }

    @Test
    void anotherUnitsSignedMetadataSwappedIntoATemplateIsRefusedAtTheUnitCell() throws IOException {
        Path mine = filled("331121");
        Path theirs = ExcelFixtures.template(dir, "331102");
        Map<String, String> metaOfTheirs = new HashMap<>();
        ExcelFixtures.edit(theirs, dir.resolve("copy.xlsx"), wb -> {
            for (Row row : wb.getSheet(TemplateFormat.META_SHEET)) {
                for (Cell c : row) {
                    metaOfTheirs.put(c.getAddress().formatAsString(), c.getStringCellValue());
                }
            }
        });
        Path swapped = ExcelFixtures.edit(mine, dir.resolve("swapped.xlsx"), wb -> {
            metaOfTheirs.forEach((ref, v) -> set(wb.getSheet(TemplateFormat.META_SHEET), ref, v));
        });

        List<Issue> issues = refused(swapped);

        assertThat(issues).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(at(swapped, "填报表!E2"), "excel.template-unit-cell"));
        assertThat(issues.get(0).args()).containsExactly("331121", "331102");
    }

    @Test
    void rowsInsertedMovedOrCodesChangedAreRefusedAtTheCodeCells() throws IOException {
        Path inserted = ExcelFixtures.edit(filled("331102"), dir.resolve("inserted.xlsx"), wb -> {
            Sheet s = wb.getSheet(ExcelFixtures.SHEET);
            s.shiftRows(7, s.getLastRowNum(), 1);
        });
        List<Issue> issues = refused(inserted);
        int items = FigureRows.unitCodes(ExcelFixtures.scheme()).size();
        assertThat(issues).extracting(Issue::code).containsOnly("excel.template-code-moved", "excel.template-stray-cell");
        assertThat(issues).extracting(Issue::where).contains(at(inserted, "填报表!B8"), at(inserted, "填报表!B9"));
        assertThat(issues).filteredOn(i -> i.code().equals("excel.template-code-moved")).hasSize(items - 2);

        Path swappedRows = ExcelFixtures.edit(filled("331102"), dir.resolve("swapped.xlsx"), wb -> {
            set(wb.getSheet(ExcelFixtures.SHEET), "B6", "RD_EXP");
            set(wb.getSheet(ExcelFixtures.SHEET), "B7", "GDP");
        });
        assertThat(refused(swappedRows)).extracting(Issue::where, Issue::code).containsExactly(
                tuple(at(swappedRows, "填报表!B6"), "excel.template-code-moved"),
                tuple(at(swappedRows, "填报表!B7"), "excel.template-code-moved"));
    }

    @Test
    void aValueMovedOutOfTheTableIsRefusedWhereItWent() throws IOException {
        Path moved = ExcelFixtures.edit(filled("331102"), dir.resolve("moved.xlsx"), wb -> {
            Sheet s = wb.getSheet(ExcelFixtures.SHEET);
            Cell from = cell(wb, "F6");
            double v = from.getNumericCellValue();
            from.setBlank();
            s.getRow(5).createCell(9).setCellValue(v);                 // J6, beside the table
            s.createRow(s.getLastRowNum() + 2).createCell(5).setCellValue(1);   // below the table
        });

        List<Issue> issues = refused(moved);

        int below = TemplateFormat.FIRST_ITEM_ROW + FigureRows.unitCodes(ExcelFixtures.scheme()).size() + 2;
        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                tuple(at(moved, "填报表!J6"), "excel.template-stray-cell"),
                tuple(at(moved, "填报表!F" + below), "excel.template-stray-cell"));
    }

    @Test
    void theVisiblePeriodOrARenamedOrMissingSheetIsRefused() throws IOException {
        Path period = ExcelFixtures.edit(filled("331102"), dir.resolve("period.xlsx"),
                wb -> set(wb.getSheet(ExcelFixtures.SHEET), "B3", "2024"));
        assertThat(refused(period)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(at(period, "填报表!B3"), "excel.template-period-cell"));

        Path renamed = ExcelFixtures.edit(filled("331102"), dir.resolve("renamed.xlsx"),
                wb -> wb.setSheetName(0, "Sheet1"));
        assertThat(refused(renamed)).extracting(Issue::code).containsExactly("excel.template-sheet-missing");

        Path stripped = ExcelFixtures.edit(filled("331102"), dir.resolve("stripped.xlsx"),
                wb -> wb.removeSheetAt(wb.getSheetIndex(TemplateFormat.META_SHEET)));
        assertThat(refused(stripped)).extracting(Issue::code).containsExactly("excel.template-meta-missing");
    }

    @Test
    void aTemplateOfASchemeThatChangedSinceOrIsGoneIsRefused() throws IOException {
        Path file = filled("331102");
        Scheme s = ExcelFixtures.scheme();
        List<Input> fewer = s.inputs().subList(1, s.inputs().size());
        Scheme edited = new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), fewer,
                s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), s.cityTargets());
        assertThat(refused(file, ExcelFixtures.context(Optional.of(ExcelFixtures.KEY), edited)))
                .extracting(Issue::code).containsExactly("excel.template-stale");
        Scheme renamed = new Scheme("OTHER-2025", s.name(), s.periodKind(), s.aggregation(), s.comparison(),
                s.decimals(), s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(),
                s.inputs(), s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), s.cityTargets());
        assertThat(refused(file, ExcelFixtures.context(Optional.of(ExcelFixtures.KEY), renamed)))
                .extracting(Issue::code).containsExactly("excel.template-scheme-changed");
        WorkbookReader.Context none = new WorkbookReader.Context(FigureRows.Kind.DATA, s, year -> Optional.empty(),
                Optional.of(ExcelFixtures.KEY), WorkbookFiles.Limits.DEFAULT);
        assertThat(refused(file, none)).extracting(Issue::code).containsExactly("excel.template-no-scheme");
        WorkbookReader.Context targets = new WorkbookReader.Context(FigureRows.Kind.TARGETS, s,
                year -> Optional.of(s), Optional.of(ExcelFixtures.KEY), WorkbookFiles.Limits.DEFAULT);
        assertThat(refused(file, targets)).extracting(Issue::code).containsExactly("excel.template-not-targets");
    }

    private static Cell cell(Workbook wb, String ref) {
        CellReference r = new CellReference(ref);
        Sheet s = wb.getSheet(ExcelFixtures.SHEET);
        Row row = s.getRow(r.getRow());
        return row.getCell(r.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    static void set(Sheet s, String ref, String value) {
        CellReference r = new CellReference(ref);
        Row row = s.getRow(r.getRow());
        if (row == null) {
            row = s.createRow(r.getRow());
        }
        row.getCell(r.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
    }
}
