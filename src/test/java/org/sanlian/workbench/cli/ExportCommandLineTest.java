package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Workbooks;

/** {@code export} and {@code db export} end to end: exit codes, Chinese messages, nothing written on error, bulletins. */
class ExportCommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void capture() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ExampleFiles.copyInto(dir);
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

    private int export(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--scheme", dir.resolve("scheme.json").toString(),
                "--data", dir.resolve("data.csv").toString(), "--targets", dir.resolve("targets.csv").toString(),
                "--period", "2025", "--out", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        return SanlianCli.run(args.toArray(new String[0]));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportWritesTheWorkbookAndSaysWhatItHolds() throws Exception {
        assertThat(export("ranking.xlsx", "--issuer", "某市科技局", "--date", "2026-01-15")).isZero();
        assertThat(out()).contains("已写出会议用工作簿").contains("ranking.xlsx").contains("个 Excel 原生图表")
                .contains("共 6 个单位");
        try (XSSFWorkbook wb = Workbooks.open(dir.resolve("ranking.xlsx"))) {
            assertThat(Workbooks.sheetNames(wb)).startsWith("总排名", "一类地区", "二类地区");
            assertThat(Workbooks.row(wb.getSheet("总排名"), 1).get(0)).contains("某市科技局").contains("2026年1月15日");
        }
        assertThat(files()).containsExactly("data.csv", "ranking.xlsx", "scheme.json", "targets.csv");
    }

    @Test
    void helpIsChineseAndListsTheExportCommands() {
        assertThat(SanlianCli.run("--help")).isZero();
        assertThat(out()).contains("export").contains("会议用 Excel 工作簿");
        stdout.reset();
        assertThat(SanlianCli.run("export", "--help")).isZero();
        assertThat(out()).contains("--out").contains("发文单位").contains("--period");
        stdout.reset();
        assertThat(SanlianCli.run("db", "export", "--help")).isZero();
        assertThat(out()).contains("--bulletin").contains("冻结");
    }

    @Test
    void badInputExitsOneSaysWhyInChineseAndWritesNothing() throws Exception {
        String data = Files.readString(dir.resolve("data.csv"));
        Files.writeString(dir.resolve("data.csv"), data.replace("2025,A1,GDP,328.6,", "2025,A1,GDP,3x8.6,"));
        assertThat(export("ranking.xlsx")).isEqualTo(1);
        assertThat(err()).contains("输入有误").contains("data.csv:").doesNotContain("Exception");
        assertThat(files()).doesNotContain("ranking.xlsx");
        assertThat(files()).allMatch(f -> !f.endsWith(".tmp"));

        stderr.reset();
        Files.writeString(dir.resolve("data.csv"), data);
        assertThat(export("ranking.xls")).isEqualTo(1);
        assertThat(err()).contains("扩展名不是 .xlsx");
        assertThat(files()).doesNotContain("ranking.xls");

        stderr.reset();
        assertThat(SanlianCli.run("export", "--scheme", dir.resolve("scheme.json").toString(), "--data",
                dir.resolve("data.csv").toString(), "--period", "2031", "--out", dir.resolve("r.xlsx").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("2031");
        assertThat(files()).doesNotContain("r.xlsx");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        assertThat(SanlianCli.run("export", "--scheme", dir.resolve("scheme.json").toString())).isEqualTo(2);
        assertThat(err()).contains("用法错误").contains("--out");
        stderr.reset();
        assertThat(export("ranking.xlsx", "--no-such-option")).isEqualTo(2);
        assertThat(err()).contains("无法识别");
        assertThat(files()).doesNotContain("ranking.xlsx");
    }

    @Test
    void anExistingWorkbookIsReplacedOnlyWhenTheNewOneIsWhole() throws Exception {
        Files.writeString(dir.resolve("ranking.xlsx"), "old");
        String data = Files.readString(dir.resolve("data.csv"));
        Files.writeString(dir.resolve("data.csv"), data.replace("2025,A1,GDP,328.6,", "2025,A1,GDP,x,"));
        assertThat(export("ranking.xlsx")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("ranking.xlsx"))).isEqualTo("old");
    }

    // --- db export ---

    private Path db() {
        return dir.resolve("work.db");
    }

    private void initDemo() {
        assertThat(SanlianCli.run("db", "init", "--db", db().toString(), "--demo")).isZero();
    }

    @Test
    void aBulletinExportsTheSameContentEveryTimeWhateverTheFiguresDoLater() throws Exception {
        initDemo();
        assertThat(SanlianCli.run("db", "publish", "--db", db().toString(), "--period", "2025", "--date", "2026-01-15",
                "--issuer", "丽水市科技局（测试）")).isZero();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2025-1",
                "--out", dir.resolve("b1.xlsx").toString())).isZero();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2025-1", "--period", "2025",
                "--out", dir.resolve("b2.xlsx").toString())).isZero();
        // the figures change after publication: the bulletin's workbook does not, the live one does
        Path change = dir.resolve("change.csv");
        Files.writeString(change, "period,unit,code,value,note\n2025,331102,HTE,1,更正\n");
        assertThat(SanlianCli.run("db", "import", "--db", db().toString(), change.toString())).isZero();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2025-1",
                "--out", dir.resolve("b3.xlsx").toString())).isZero();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--period", "2025", "--date", "2026-01-15",
                "--issuer", "丽水市科技局（测试）", "--out", dir.resolve("live.xlsx").toString())).isZero();

        try (XSSFWorkbook b1 = Workbooks.open(dir.resolve("b1.xlsx"));
             XSSFWorkbook b2 = Workbooks.open(dir.resolve("b2.xlsx"));
             XSSFWorkbook b3 = Workbooks.open(dir.resolve("b3.xlsx"));
             XSSFWorkbook live = Workbooks.open(dir.resolve("live.xlsx"))) {
            List<String> cells = Workbooks.cells(b1);
            assertThat(Workbooks.cells(b2)).isEqualTo(cells);
            assertThat(Workbooks.cells(b3)).isEqualTo(cells);
            assertThat(Workbooks.cells(live)).isNotEqualTo(cells);
            String title = Workbooks.row(b1.getSheet("总排名"), 0).get(0);
            assertThat(title).contains("通报 2025-1").contains("2025年").endsWith("（示例数据）");
            assertThat(Workbooks.row(b1.getSheet("总排名"), 1).get(0)).contains("丽水市科技局（测试）")
                    .contains("2026年1月15日");
            assertThat(Workbooks.sheetNames(b1)).contains("趋势", "图表", "说明");
            assertThat(b1.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(b3.getProperties().getCoreProperties().getCreated());
        }
        assertThat(Files.readAllBytes(dir.resolve("b1.xlsx"))).isEqualTo(Files.readAllBytes(dir.resolve("b3.xlsx")));
        stdout.reset();
        assertThat(SanlianCli.run("db", "publish", "--db", db().toString(), "--list")).isZero();
        String hash = out().split("摘要 ")[1].split("\t")[0].strip();
        try (XSSFWorkbook b1 = Workbooks.open(dir.resolve("b1.xlsx"))) {
            assertThat(String.join("\n", Workbooks.cells(b1))).contains(hash);
        }
        assertThat(SanlianCli.run("db", "check", "--db", db().toString())).isZero();
    }

    @Test
    void dbExportRefusesWhatItCannotDo() throws Exception {
        initDemo();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--out", dir.resolve("x.xlsx").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("--period").contains("--bulletin");
        stderr.reset();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2099-9",
                "--out", dir.resolve("x.xlsx").toString())).isEqualTo(1);
        assertThat(err()).contains("2099-9").contains("db publish --list");
        assertThat(SanlianCli.run("db", "publish", "--db", db().toString(), "--period", "2025")).isZero();
        stderr.reset();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2025-1", "--period", "2024",
                "--out", dir.resolve("x.xlsx").toString())).isEqualTo(1);
        assertThat(err()).contains("2025-1").contains("2024");
        stderr.reset();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--bulletin", "2025-1", "--issuer", "别处",
                "--out", dir.resolve("x.xlsx").toString())).isEqualTo(1);
        assertThat(err()).contains("冻结");
        stderr.reset();
        assertThat(SanlianCli.run("db", "export", "--db", dir.resolve("none.db").toString(), "--period", "2025",
                "--out", dir.resolve("x.xlsx").toString())).isEqualTo(1);
        assertThat(err()).contains("不存在");
        assertThat(files()).doesNotContain("x.xlsx");
        assertThat(SanlianCli.run("db", "export", "--db", db().toString())).isEqualTo(2);
    }

    @Test
    void dbExportOfLiveFiguresMatchesTheFileExport() throws Exception {
        initDemo();
        assertThat(SanlianCli.run("db", "export", "--db", db().toString(), "--period", "2025", "--date", "2026-01-15",
                "--out", dir.resolve("db.xlsx").toString())).isZero();
        String resources = "src/main/resources/org/sanlian/workbench/";
        assertThat(SanlianCli.run("export", "--scheme", resources + "schemes/sanlian-2025.scheme.json",
                "--data", resources + "demo/data.csv", "--targets", resources + "demo/targets.csv",
                "--period", "2025", "--date", "2026-01-15", "--out", dir.resolve("files.xlsx").toString())).isZero();
        try (XSSFWorkbook fromDb = Workbooks.open(dir.resolve("db.xlsx"));
             XSSFWorkbook fromFiles = Workbooks.open(dir.resolve("files.xlsx"))) {
            for (String sheet : List.of("总排名", "指标得分明细", "末位约谈名单", "趋势")) {
                List<String> a = Workbooks.cells(fromDb).stream().filter(c -> c.startsWith(sheet + "!A3")
                        || c.startsWith(sheet + "!") && !c.startsWith(sheet + "!A1=")).toList();
                List<String> b = Workbooks.cells(fromFiles).stream().filter(c -> c.startsWith(sheet + "!A3")
                        || c.startsWith(sheet + "!") && !c.startsWith(sheet + "!A1=")).toList();
                assertThat(a).as(sheet).isEqualTo(b);
            }
            String notes = String.join("\n", Workbooks.cells(fromDb));
            assertThat(notes).contains("数据库：work.db").contains("数据来源“示例数据”").contains("（示例数据）");
        }
    }
}
