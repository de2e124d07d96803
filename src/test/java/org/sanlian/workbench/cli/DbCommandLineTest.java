package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditFilter;

/** The db commands of FORMATS.md end to end on real files and a real database. */
class DbCommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path db;

    @BeforeEach
    void capture() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ExampleFiles.copyInto(dir);
        db = dir.resolve("work.db");
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

    private int run(String... args) {
        return SanlianCli.run(args);
    }

    private void initExample() {
        ExampleFiles.database(dir, db);
    }

    private long auditLines() {
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            return open.audit(AuditFilter.any()).size();
        }
    }

    @Test
    void dbScoreWritesExactlyWhatScoreWritesOnTheSameFiles() throws Exception {
        initExample();
        for (String period : List.of("2024", "2025")) {
            assertThat(run("db", "score", "--db", db.toString(), "--period", period,
                    "--out", dir.resolve("db-results.csv").toString(),
                    "--detail", dir.resolve("db-detail.csv").toString())).isZero();
            assertThat(ExampleGoldenTest.score(dir, period, dir.resolve("results.csv"), dir.resolve("detail.csv")))
                    .isZero();
            assertThat(Files.readString(dir.resolve("db-results.csv")))
                    .isEqualTo(Files.readString(dir.resolve("results.csv")))
                    .isEqualTo(Files.readString(ExampleGoldenTest.EXAMPLE.resolve("results_" + period + ".csv")));
            assertThat(Files.readString(dir.resolve("db-detail.csv")))
                    .isEqualTo(Files.readString(dir.resolve("detail.csv")));
        }
    }

    @Test
    void theDemoDatabaseScoresAsTheDemoFiles() throws Exception {
        assertThat(run("db", "init", "--db", db.toString(), "--demo")).isZero();
        assertThat(out()).contains("3 个年度方案").contains("4 个有数据的考核期");
        assertThat(run("db", "score", "--db", db.toString(), "--period", "2025",
                "--out", dir.resolve("db.csv").toString())).isZero();
        String resources = "src/main/resources/org/sanlian/workbench/";
        assertThat(run("score", "--scheme", resources + "schemes/sanlian-2025.scheme.json",
                "--data", resources + "demo/data.csv", "--targets", resources + "demo/targets.csv",
                "--period", "2025", "--out", dir.resolve("files.csv").toString())).isZero();
        assertThat(Files.readString(dir.resolve("db.csv"))).isEqualTo(Files.readString(dir.resolve("files.csv")));
    }

    @Test
    void anOperatorNamedAtInitIsKeptAsTheDatabasesOperator() {
        assertThat(run("db", "init", "--db", db.toString(), "--demo", "--operator", "赵六")).isZero();
        try (WorkbenchDatabase opened = WorkbenchDatabase.openExisting(db)) {
            assertThat(opened.operator()).contains("赵六");
        }
        Path other = dir.resolve("other.db");
        assertThat(run("db", "init", "--db", other.toString(), "--demo")).isZero();
        try (WorkbenchDatabase opened = WorkbenchDatabase.openExisting(other)) {
            assertThat(opened.operator()).isEmpty();
        }
    }

    @Test
    void initTwiceIsRefusedAndASchemeWithoutAYearAsksForOne() {
        assertThat(run("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("--year");
        initExample();
        stderr.reset();
        assertThat(run("db", "init", "--db", db.toString(), "--demo")).isEqualTo(1);
        assertThat(err()).contains("不能再次初始化");
    }

    @Test
    void aTargetsFileImportedAsDataIsRefusedWithTheHintToImportItAsTargets() {
        assertThat(run("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", "李四")).isZero();
        long before = auditLines();

        assertThat(run("db", "import", "--db", db.toString(), dir.resolve("targets.csv").toString(),
                "--operator", "李四")).isEqualTo(1);

        assertThat(err()).contains("targets.csv:").contains("是派生指标").contains("--kind targets");
        assertThat(auditLines()).isEqualTo(before);
    }

    @Test
    void anImportWithErrorsInSeveralFilesReportsThemAllAndWritesNothing() throws Exception {
        initExample();
        long before = auditLines();
        Path bad1 = dir.resolve("bad1.csv");
        Path bad2 = dir.resolve("bad2.csv");
        Path good = dir.resolve("good.csv");
        Files.writeString(bad1, "period,unit,code,value,note\n2026,A1,GDP,12x,\n2026,ZZ,GDP,1,\n");
        Files.writeString(bad2, "period,unit,code,value,note\n2026,A2,NOPE,1,\n");
        Files.writeString(good, "period,unit,code,value,note\n2026,A3,GDP,400,\n");
        List<Path> backupsBefore = backups();

        assertThat(run("db", "import", "--db", db.toString(), good.toString(), bad1.toString(),
                dir.resolve("absent.csv").toString(), bad2.toString())).isEqualTo(1);

        assertThat(err()).contains("bad1.csv:2:").contains("bad1.csv:3:").contains("bad2.csv:2:")
                .contains("absent.csv")
                .doesNotContain("Exception");
        assertThat(auditLines()).isEqualTo(before);
        assertThat(backups()).isEqualTo(backupsBefore);
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            assertThat(open.periods()).extracting(Object::toString).containsExactly("2024", "2025");
        }
    }

    @Test
    void aLargeSingleFileWithAnErrorAtItsEndWritesNothingAndLeavesNoBackup() throws Exception {
        initExample();
        long before = auditLines();
        List<Path> backupsBefore = backups();
        StringBuilder csv = new StringBuilder("period,unit,code,value,note\n");
        int lines = 1;
        for (int year = 3000; year < 9000; year++) { // 36,000 sound rows: several chunks reach the database
            for (String unit : List.of("A1", "A2", "A3", "B1", "B2", "B3")) {
                csv.append(year).append(',').append(unit).append(",GDP,").append(year % 97).append(",\n");
                lines++;
            }
        }
        csv.append("2026,A1,GDP,12x,\n");
        Path big = dir.resolve("big.csv");
        Files.writeString(big, csv.toString());
        assertThat(run("db", "import", "--db", db.toString(), big.toString())).isEqualTo(1);
        assertThat(err()).contains("big.csv:" + (lines + 1) + ":4").contains("12x");
        assertThat(auditLines()).isEqualTo(before);
        assertThat(backups()).isEqualTo(backupsBefore);
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            assertThat(open.periods()).extracting(Object::toString).containsExactly("2024", "2025");
            assertThat(open.check()).isEmpty();
        }
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAChangedFigureIsAudited() throws Exception {
        initExample();
        long before = auditLines();
        stdout.reset();
        assertThat(run("db", "import", "--db", db.toString(), dir.resolve("data.csv").toString())).isZero();
        assertThat(out()).contains("写入 0 处变化");
        assertThat(auditLines()).isEqualTo(before);

        Path change = dir.resolve("change.csv");
        Files.writeString(change, "period,unit,code,value,note\n2025,A1,GDP,999.5,修正\n");
        assertThat(run("db", "import", "--db", db.toString(), change.toString(), "--operator", "王五")).isZero();
        stdout.reset();
        assertThat(run("db", "audit", "--db", db.toString(), "--unit", "A1", "--period", "2025", "--code", "GDP",
                "--by", "王五")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("id,at,operator,entity,action,unit,period,code,old,new");
        assertThat(lines.get(1)).contains(",王五,figure,UPDATE,A1,2025,GDP,").contains("999.5").contains("修正");
    }

    @Test
    void publishFreezesAndCheckFindsNothingWrong() {
        initExample();
        assertThat(run("db", "publish", "--db", db.toString(), "--period", "2025", "--date", "2026-01-15")).isZero();
        assertThat(out()).contains("已发布通报 2025-1");
        assertThat(run("db", "publish", "--db", db.toString(), "--period", "2025", "--number", "2025-1")).isEqualTo(1);
        assertThat(err()).contains("2025-1").contains("已被使用");
        stdout.reset();
        assertThat(run("db", "publish", "--db", db.toString(), "--list")).isZero();
        assertThat(out()).contains("2025-1").contains("2026-01-15");
        assertThat(run("db", "check", "--db", db.toString())).isZero();
        assertThat(out()).contains("检查通过");
    }

    @Test
    void backupAndRestoreBringBackTheEarlierContent() throws Exception {
        initExample();
        stdout.reset();
        assertThat(run("db", "backup", "--db", db.toString())).isZero();
        Path backup = Path.of(out().substring(out().indexOf("已备份到 ") + 5).strip());
        assertThat(backup).exists();
        Path change = dir.resolve("change.csv");
        Files.writeString(change, "period,unit,code,value,note\n2025,A1,GDP,999.5,\n");
        assertThat(run("db", "import", "--db", db.toString(), change.toString())).isZero();

        assertThat(run("db", "restore", "--db", db.toString(), backup.toString())).isZero();

        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            assertThat(open.assessment(org.sanlian.workbench.core.model.Period.year(2025), Optional.empty()).data()
                    .value(org.sanlian.workbench.core.model.Period.year(2025), "A1", "GDP").getAsDouble())
                    .isEqualTo(328.6);
            assertThat(open.check()).isEmpty();
        }
        assertThat(run("db", "restore", "--db", db.toString(), dir.resolve("data.csv").toString())).isEqualTo(1);
        assertThat(err()).contains("不是工作台数据库");
    }

    @Test
    void commandsThatReadRefuseAMissingDatabase() {
        assertThat(run("db", "score", "--db", dir.resolve("none.db").toString(), "--period", "2025",
                "--out", dir.resolve("r.csv").toString())).isEqualTo(1);
        assertThat(err()).contains("不存在").contains("db init");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void aSecondProcessMayReadButNotWrite() throws Exception {
        initExample();
        Path change = dir.resolve("change.csv");
        Files.writeString(change, "period,unit,code,value,note\n2025,A1,GDP,1,\n");
        try (WorkbenchDatabase holder = WorkbenchDatabase.openExisting(db)) {
            assertThat(holder.readOnly()).isFalse();
            Process importer = child("db", "import", "--db", db.toString(), change.toString());
            String importErr = new String(importer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(importer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(importer.exitValue()).isEqualTo(1);
            assertThat(importErr).contains("另一个工作台进程").contains("只读");

            Process scorer = child("db", "score", "--db", db.toString(), "--period", "2025",
                    "--out", dir.resolve("while-open.csv").toString());
            String scorerErr = new String(scorer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(scorer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(scorerErr).contains("只能读取");
            assertThat(scorer.exitValue()).isZero();
        }
        assertThat(Files.readString(dir.resolve("while-open.csv")))
                .isEqualTo(Files.readString(ExampleGoldenTest.EXAMPLE.resolve("results_2025.csv")));
        assertThat(run("db", "check", "--db", db.toString())).isZero();
    }

    private Process child(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "org.sanlian.workbench.Launcher"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private List<Path> backups() throws Exception {
        Path folder = dir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
