package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Streamed rows spliced into a POI workbook read back as the cells that were written. */
class RowWriterTest {

    private static byte[] workbook(XlsxAssembler.Body body, boolean poiRows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("表");
            if (poiRows) {
                sheet.createRow(0).createCell(0).setCellValue("标题");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<XlsxAssembler.Segment> segment = XlsxAssembler.start("表", body, Runnable::run);
            XlsxAssembler.write(wb, Map.of(sheet, body), Map.of(sheet, segment), LocalDateTime.of(2026, 1, 15, 0, 0),
                    out);
            return out.toByteArray();
        }
    }

    @Test
    void textNumbersAndBlanksComeBackAsWritten() throws Exception {
        XlsxAssembler.Body body = new XlsxAssembler.Body(4, 4, w -> {
            w.row(1);
            w.text(0, "莲都区 & <县> \"quoted\"", 0);
            w.number(1, 97.81, 0);
            w.number(2, Double.NaN, 0);
            w.integer(3, 12, 0);
            w.text(4, " 前后有空格 ", 0);
            w.row(3);
            w.text(0, "=SUM(A1:A2)", 0);
            w.text(1, "控制\u0001字符😀", 0);
            w.number(2, 1e-7, 0);
            w.number(3, -3, 0);
            w.row(4);
            w.number(0, 1234.56, 0);
            w.number(1, -0.0625, 0);
            w.number(2, 7.6923076923076925, 0);
            w.number(3, 123456789.123456789, 0);
            w.number(4, 0.000123456789012345678, 0);
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(body, true)))) {
            XSSFSheet s = wb.getSheet("表");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("标题");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("莲都区 & <县> \"quoted\"");
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(97.81);
            assertThat(s.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(s.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(12);
            assertThat(s.getRow(1).getCell(4).getStringCellValue()).isEqualTo(" 前后有空格 ");
            assertThat(s.getRow(2) == null).isTrue();
            assertThat(s.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("=SUM(A1:A2)");
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo("控制字符😀");
            assertThat(s.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(1e-7);
            assertThat(s.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(-3);
            // up to four decimals exactly, else Excel's 15 significant digits
            assertThat(s.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(1234.56);
            assertThat(s.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(-0.0625);
            assertThat(s.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(7.69230769230769);
            assertThat(s.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(123456789.123457);
            assertThat(s.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(0.000123456789012346);
            assertThat(s.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:E5");
        }
    }

    @Test
    void aSheetWithoutPoiRowsGetsItsBodyToo() throws Exception {
        XlsxAssembler.Body body = new XlsxAssembler.Body(2999, 1, w -> {
            for (int r = 0; r < 3000; r++) {
                w.row(r);
                w.text(0, "单位" + r, 0);
                w.number(1, r / 7.0, 0);
            }
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(body, false)))) {
            XSSFSheet s = wb.getSheet("表");
            assertThat(s.getLastRowNum()).isEqualTo(2999);
            assertThat(s.getRow(2999).getCell(0).getStringCellValue()).isEqualTo("单位2999");
            assertThat(s.getRow(1234).getCell(1).getNumericCellValue()).isEqualTo(176.285714285714); // 1234 / 7, 15 digits
        }
    }

    @Test
    void rowsMustComeInOrderAndStayWithinTheirDeclaredExtent() {
        XlsxAssembler.Body backwards = new XlsxAssembler.Body(5, 1, w -> {
            w.row(2);
            w.row(1);
        });
        assertThatThrownBy(() -> workbook(backwards, false)).hasMessageContaining("rows must increase");
        XlsxAssembler.Body tooWide = new XlsxAssembler.Body(5, 1, w -> {
            w.row(2);
            w.integer(4, 1, 0);
        });
        assertThatThrownBy(() -> workbook(tooWide, false)).hasMessageContaining("declared extent");
    }

    @Test
    void wholeNumbersAndStyleIndexesAreWrittenDigitForDigit() throws Exception {
        long[] values = {0, 7, 10, 99, 100, 4096, 987654321, 999999999, 1_000_000_000L, 12345678901234L, -45,
                Long.MAX_VALUE, Long.MIN_VALUE};
        int[] styles = {0, 9, 10, 30, 99, 100, 123, 65535, 1, 2, 3, 11, 12};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowWriter w = new RowWriter(bytes);
        w.row(0);
        StringBuilder expected = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < values.length; i++) {
            w.integer(i, values[i], styles[i]);
            expected.append("<c r=\"").append(RowWriter.column(i)).append("1\"")
                    .append(styles[i] > 0 ? " s=\"" + styles[i] + "\"" : "")
                    .append("><v>").append(values[i]).append("</v></c>");
        }
        w.end();
        w.flush();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(expected.append("</row>").toString());
    }

    @Test
    void columnLettersFollowExcel() {
        assertThat(List.of(RowWriter.column(0), RowWriter.column(25), RowWriter.column(26), RowWriter.column(242),
                RowWriter.column(16383))).containsExactly("A", "Z", "AA", "II", "XFD");
    }
}
