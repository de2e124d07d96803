package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.io.data.FigureRows;

/** A written template read back: sheets, the signed hidden metadata, protection, locked cells, validation, print setup. */
class TemplateWriterTest {

    @TempDir
    Path dir;

    private XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    @Test
    void theTemplateHasTheDataSheetTheInstructionsAndAVeryHiddenSignedMetadataSheet() throws IOException {
        Path file = ExcelFixtures.template(dir, "331102");
        try (XSSFWorkbook wb = open(file)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("填报表");
            assertThat(wb.getSheetName(1)).isEqualTo("填报说明");
            assertThat(wb.getSheetName(2)).isEqualTo(TemplateFormat.META_SHEET);
            assertThat(wb.getSheetVisibility(0)).isEqualTo(SheetVisibility.VISIBLE);
            assertThat(wb.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.isStructureLocked()).isTrue();

            XSSFSheet meta = wb.getSheetAt(2);
            assertThat(text(meta, "B1")).isEqualTo(TemplateFormat.FORMAT);
            assertThat(text(meta, "B2")).isEqualTo("331102");
            assertThat(text(meta, "B3")).isEqualTo("2025");
            assertThat(text(meta, "B4")).isEqualTo("SANLIAN-2025");
            assertThat(text(meta, "B5")).isEqualTo("2025");
            assertThat(text(meta, "B6")).isEqualTo("填报表");
            List<String> codes = FigureRows.unitCodes(ExcelFixtures.scheme());
            assertThat(text(meta, "B7")).isEqualTo(Integer.toString(codes.size()));
            assertThat(text(meta, "B8")).matches("[0-9a-f]{64}");
            assertThat(text(meta, "A11")).isEqualTo(codes.get(0));
            assertThat(text(meta, "B11")).isEqualTo("F6");
            assertThat(text(meta, "C11")).isEqualTo("H6");
            assertThat(meta.getProtect()).isTrue();

            TemplateFormat.Identity id = new TemplateFormat.Identity("331102", "2025", "SANLIAN-2025", 2025, "填报表",
                    TemplateFormat.layout(codes));
            assertThat(text(meta, "B8")).isEqualTo(TemplateFormat.sign(id, ExcelFixtures.KEY));
        }
    }

    @Test
    void theDataSheetListsTheUnitsItemsWithNamesUnitsOfMeasureLastPeriodsValuesAndRules() throws IOException {
        Path file = ExcelFixtures.template(dir, "331121");
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheet("填报表");
            assertThat(text(s, "A1")).contains("2025年度“三链”融合发展专项考核");
            assertThat(text(s, "B2")).isEqualTo("青田县");
            assertThat(text(s, "E2")).isEqualTo("331121");
            assertThat(text(s, "B3")).isEqualTo("2025");
            assertThat(text(s, "E3")).isEqualTo("SANLIAN-2025（2025年度）");
            assertThat(text(s, "E5")).isEqualTo("上期数值（2024）");
            assertThat(text(s, "F5")).isEqualTo("本期数值（2025）");
            List<String> codes = FigureRows.unitCodes(ExcelFixtures.scheme());
            // inputs first, then the entered indicators; derived indicators, bonuses, penalties and vetoes never
            assertThat(codes).startsWith("GDP", "RD_EXP").contains("HTE", "QIYOU", "OVERSEAS")
                    .doesNotContain("RD_INT", "HT_SHARE", "B_NATPLAT", "P_LATE", "V_FRAUD");
            assertThat(s.getLastRowNum()).isEqualTo(TemplateFormat.FIRST_ITEM_ROW + codes.size() - 1);
            int gdp = ExcelFixtures.rowOf("GDP");
            assertThat(text(s, "B" + gdp)).isEqualTo("GDP");
            assertThat(text(s, "C" + gdp)).isEqualTo("地区生产总值");
            assertThat(text(s, "D" + gdp)).isEqualTo("亿元");
            assertThat(cell(s, "E" + gdp).getNumericCellValue()).isEqualTo(300.0);
            assertThat(text(s, "G" + gdp)).isEqualTo("数值，≥ 0");
            int hte = ExcelFixtures.rowOf("HTE");
            assertThat(cell(s, "E" + hte).getNumericCellValue()).isEqualTo(150.0);
            assertThat(text(s, "G" + hte)).isEqualTo("整数，≥ 0");
            assertThat(text(s, "G" + ExcelFixtures.rowOf("QIYOU"))).isEqualTo("数值，0 ~ 100");
            assertThat(cell(s, "E" + ExcelFixtures.rowOf("RD_EXP")).getCellType().name()).isEqualTo("BLANK");
            Row help1 = wb.getSheet("填报说明").getRow(2);
            assertThat(help1.getCell(1).getStringCellValue()).contains("青田县（331121）").contains("2025");
        }
    }

    @Test
    void onlyTheValueAndNoteCellsAreUnlockedAndTheSheetIsProtected() throws IOException {
        Path file = ExcelFixtures.template(dir, "331102");
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheet("填报表");
            assertThat(s.getProtect()).isTrue();
            assertThat(s.isSheetLocked()).isTrue();
            assertThat(s.isInsertRowsLocked()).isTrue();
            assertThat(s.isDeleteRowsLocked()).isTrue();
            int unlocked = 0;
            for (Row row : s) {
                for (Cell c : row) {
                    boolean input = row.getRowNum() >= TemplateFormat.FIRST_ITEM_ROW
                            && (c.getColumnIndex() == TemplateFormat.COL_VALUE
                            || c.getColumnIndex() == TemplateFormat.COL_NOTE);
                    assertThat(c.getCellStyle().getLocked()).as(c.getAddress().toString()).isEqualTo(!input);
                    unlocked += input ? 1 : 0;
                }
            }
            assertThat(unlocked).isEqualTo(2 * FigureRows.unitCodes(ExcelFixtures.scheme()).size());
            int hte = ExcelFixtures.rowOf("HTE");
            assertThat(cell(s, "F" + hte).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(cell(s, "H" + hte).getCellStyle().getDataFormatString()).isEqualTo("@");
        }
    }

    @Test
    void boundsAreExcelDataValidationOnEachValueCell() throws IOException {
        Path file = ExcelFixtures.template(dir, "331102");
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheet("填报表");
            List<? extends DataValidation> validations = s.getDataValidations();
            assertThat(validations).hasSize(FigureRows.unitCodes(ExcelFixtures.scheme()).size());
            DataValidationConstraint gdp = constraintAt(validations, "F" + ExcelFixtures.rowOf("GDP"));
            assertThat(gdp.getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(gdp.getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
            assertThat(gdp.getFormula1()).isEqualTo("0");
            DataValidationConstraint hte = constraintAt(validations, "F" + ExcelFixtures.rowOf("HTE"));
            assertThat(hte.getValidationType()).isEqualTo(ValidationType.INTEGER);
            assertThat(hte.getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
            DataValidationConstraint qiyou = constraintAt(validations, "F" + ExcelFixtures.rowOf("QIYOU"));
            assertThat(qiyou.getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(qiyou.getOperator()).isEqualTo(OperatorType.BETWEEN);
            assertThat(qiyou.getFormula1()).isEqualTo("0");
            assertThat(qiyou.getFormula2()).isEqualTo("100");
            DataValidation one = validations.get(0);
            assertThat(one.getShowErrorBox()).isTrue();
            assertThat(one.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(one.getErrorBoxText()).contains("地区生产总值");
            assertThat(one.getShowPromptBox()).isTrue();
        }
    }

    @Test
    void theDataSheetPrintsOnA4LandscapeOnePageWideWithTheHeaderRepeatedAndFrozen() throws IOException {
        Path file = ExcelFixtures.template(dir, "331102");
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheet("填报表");
            PrintSetup print = s.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("5:5"));
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
        }
    }

    @Test
    void anotherKeyGivesAnotherSignatureAndAWrittenFileNeverKeepsItsPartName() throws IOException {
        Path a = ExcelFixtures.template(dir, "331102");
        Path other = Files.createDirectories(dir.resolve("other"));
        Path b = ExcelFixtures.template(other, "331102", "another key of thirty-two bytes!".getBytes(), Map.of());
        try (XSSFWorkbook wa = open(a); XSSFWorkbook wbb = open(b)) {
            assertThat(text(wa.getSheet(TemplateFormat.META_SHEET), "B8"))
                    .isNotEqualTo(text(wbb.getSheet(TemplateFormat.META_SHEET), "B8"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private static DataValidationConstraint constraintAt(List<? extends DataValidation> all, String ref) {
        CellReference r = new CellReference(ref);
        return all.stream().filter(v -> {
            for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                if (a.isInRange(r.getRow(), r.getCol())) {
                    return true;
                }
            }
            return false;
        }).findFirst().orElseThrow(() -> new AssertionError("no validation on " + ref)).getValidationConstraint();
    }

    static Cell cell(XSSFSheet s, String ref) {
        CellReference r = new CellReference(ref);
        Row row = s.getRow(r.getRow());
        return row == null ? null : row.getCell(r.getCol());
    }

    static String text(XSSFSheet s, String ref) {
        Cell c = cell(s, ref);
        return c == null ? null : c.getStringCellValue();
    }
}
