package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db templates} and {@code db import} of returned templates, end to end on the command line. */
class DbTemplatesCommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path db;

    @BeforeEach
    void capture() {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        db = dir.resolve("work.db");
        assertThat(SanlianCli.run("db", "init", "--db", db.toString(), "--demo", "--operator", "办公室")).isZero();
        stdout.reset();
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<Path> templates(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** Types a value into every item (text for the first), as another program would. */
    private static Path fill(Path template, Path out, String firstValue, double others) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(template)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            for (Row row : wb.getSheet("填报表")) {
                Cell code = row.getCell(1);
                if (row.getRowNum() < 5 || code == null) {
                    continue;
                }
                if (row.getRowNum() == 5) {
                    row.getCell(5).setCellValue(firstValue);
                } else {
                    row.getCell(5).setCellValue(others);
                }
            }
            Files.createDirectories(out.getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    @Test
    void templatesAreGeneratedForEveryUnitOrTheChosenOnes() throws IOException {
        Path out = dir.resolve("out");
        assertThat(SanlianCli.run("db", "templates", "--db", db.toString(), "--period", "2026", "--out", out.toString(),
                "--operator", "办公室")).isZero();
        assertThat(templates(out)).hasSize(10);
        assertThat(out()).contains("已在数据库中生成模板签名密钥").contains("已生成 10 份 2026 期数据填报模板")
                .contains("莲都区（331102）").contains("2026_331102_莲都区_数据填报模板.xlsx");

        stdout.reset();
        Path two = dir.resolve("two");
        assertThat(SanlianCli.run("db", "templates", "--db", db.toString(), "--period", "2026", "--out", two.toString(),
                "--unit", "331102,331121")).isZero();
        assertThat(templates(two)).hasSize(2);
        assertThat(out()).doesNotContain("密钥");

        assertThat(SanlianCli.run("db", "templates", "--db", db.toString(), "--period", "2026", "--out", two.toString(),
                "--unit", "999999")).isEqualTo(1);
        assertThat(err()).contains("--unit").contains("999999").contains("331102").doesNotContain("Exception");
    }

    @Test
    void aFolderOfReturnedTemplatesIsImportedWithASummaryPerUnitAndWarnings() throws IOException {
        Path out = dir.resolve("out");
        assertThat(SanlianCli.run("db", "templates", "--db", db.toString(), "--period", "2026", "--out", out.toString(),
                "--unit", "331102,331121")).isZero();
        List<Path> made = templates(out);
        Path returned = dir.resolve("returned");
        fill(made.get(0), returned.resolve(made.get(0).getFileName()), "３３９．５", 5);
        fill(made.get(1), returned.resolve(made.get(1).getFileName()), "120", 6);
        Files.writeString(returned.resolve("~$" + made.get(0).getFileName()), "Excel's lock file");
        stdout.reset();

        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), returned.toString(), "--operator", "李四"))
                .isZero();

        assertThat(out()).contains("提醒：").contains("填报表!F6").contains("已按 339.5 读入")
                .contains("莲都区（331102）2026 期填报模板").contains("青田县（331121）2026 期填报模板")
                .contains("已导入 2 个文件").contains("共有 2 条提醒")
                .contains("2026 期尚无任何数据的单位（8 个").contains("缙云县（331122）");
        assertThat(err()).isEmpty();

        stdout.reset();
        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), returned.toString())).isZero();
        assertThat(out()).contains("未作改动（重复提交）");
    }

    @Test
    void aTamperedTemplateIsRefusedWithSheetAndCellAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        assertThat(SanlianCli.run("db", "templates", "--db", db.toString(), "--period", "2026", "--out", out.toString(),
                "--unit", "331102,331121")).isZero();
        List<Path> made = templates(out);
        Path returned = dir.resolve("returned");
        fill(made.get(0), returned.resolve("a.xlsx"), "1", 5);
        Path tampered = fill(made.get(1), returned.resolve("b.xlsx"), "1", 5);
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(tampered)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream o = Files.newOutputStream(tampered)) {
            wb.getSheet("_sanlian").getRow(1).getCell(1).setCellValue("331102");
            wb.write(o);
        }
        Files.copy(made.get(0), returned.resolve("c.xlsm"));
        stdout.reset();

        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), returned.toString())).isEqualTo(1);

        assertThat(err()).contains("b.xlsx:_sanlian!B8").contains("模板签名与隐藏的模板信息").contains("c.xlsm")
                .contains("含宏的工作簿").doesNotContain("a.xlsx").doesNotContain("Exception");
        assertThat(out()).isEmpty();
        assertThat(SanlianCli.run("db", "score", "--db", db.toString(), "--period", "2026", "--out",
                dir.resolve("r.csv").toString())).isEqualTo(1);
    }

    @Test
    void aPlainDataWorkbookIsImportedWithItsWarningsSummedUpByUnit() throws IOException {
        Path file = dir.resolve("data.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("数据");
            String[][] rows = {{"period", "unit", "code", "value", "note"}, {"2026", "331102", "GDP", "３４０", ""},
                {"2026", "331102", "HTE", "1,200", "快报"}, {"2026", "331121", "GDP", "210.5", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(o);
        }

        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), file.toString(), "--operator", "李四")).isZero();

        assertThat(out()).contains("提醒：" + file + ":数据!D2").contains("按单位汇总：")
                .contains("莲都区（331102）：读入 2 行，写入 2 处变化，提醒 2 条")
                .contains("青田县（331121）：读入 1 行，写入 1 处变化，提醒 1 条")
                .doesNotContain("尚无任何数据");
    }

    @Test
    void theDbHelpListsTemplatesInChinese() {
        assertThat(SanlianCli.run("db", "--help")).isZero();
        assertThat(out()).contains("templates").contains("数据填报模板");
        stdout.reset();
        assertThat(SanlianCli.run("db", "templates", "--help")).isZero();
        assertThat(out()).contains("--unit").contains("--out").contains("存放模板的文件夹");
    }
}
