package org.sanlian.workbench.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.PeriodSummary;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The import screen's view model on the demo database, without a toolkit: the work runs on the test's thread. */
class ImportsViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private final ImportAnswers answers = new ImportAnswers();
    private ImportsViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        workspace = new Workspace(executor);
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new ImportsViewModel(workspace, executor, answers);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path csv(String name, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "period,unit,code,value,note\n" + String.join("\n", rows) + "\n");
        return file;
    }

    private int figures() {
        return db.periodSummaries().stream().mapToInt(PeriodSummary::figures).sum();
    }

    private long backups() throws IOException {
        if (!Files.isDirectory(dir.resolve("backups"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            return files.count();
        }
    }

    private double value(Period period, String unit, String code) {
        return db.assessment(period, Optional.empty()).data().value(period, unit, code).orElseThrow();
    }

    @Test
    void aGoodCsvFileIsCheckedWithoutWritingThenImportedAndTheWorkspaceReloaded() throws IOException {
        answers.files = List.of(csv("figures.csv", "2026,331102,GDP,310.5,统计局快报", "2026,331121,GDP,220,",
                "2025,331102,HTE,999,更正"));
        int before = figures();
        long revision = workspace.state().revision();

        vm.chooseFiles();
        assertThat(vm.selectionProperty().get()).endsWith("figures.csv");
        assertThat(vm.canImportProperty().get()).isFalse();
        vm.check();

        assertThat(vm.report()).isEmpty();
        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).startsWith("检查通过：1 个文件，共 3 行；导入将写入 3 处变化（其中更正 1 处）");
        assertThat(vm.units()).extracting(ImportService.UnitSummary::name, ImportService.UnitSummary::rows,
                ImportService.UnitSummary::corrected).containsExactly(tuple("莲都区", 2, 1), tuple("青田县", 1, 0));
        assertThat(figures()).isEqualTo(before);

        vm.importChecked();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(figures()).isEqualTo(before + 2);
        assertThat(value(Period.year(2026), "331102", "GDP")).isEqualTo(310.5);
        assertThat(value(Period.year(2025), "331102", "HTE")).isEqualTo(999);
        assertThat(vm.summaryProperty().get()).startsWith("已导入 1 个文件，共 3 行，写入 3 处变化；导入前的备份：")
                .contains(dir.resolve("backups").toString());
        assertThat(vm.fileRows()).extracting(FileRow::file, FileRow::outcome)
                .containsExactly(tuple("figures.csv", "写入 3 处变化（新增 2，更正 1）"));
        assertThat(workspace.state().revision()).isGreaterThan(revision);
        assertThat(workspace.state().content().periods()).contains(Period.year(2026));
        assertThat(vm.canImportProperty().get()).isFalse(); // once imported, a new check is needed
    }

    @Test
    void aFileWithErrorsIsReportedByFileAndPlaceAndNothingIsWritten() throws IOException {
        Path bad = csv("bad.csv", "2026,331102,GDP,abc,", "2026,999999,GDP,1,", "2026,331121,GDP,-5,");
        Path good = csv("good.csv", "2026,331122,GDP,100,");
        answers.files = List.of(bad, good);
        int before = figures();

        vm.chooseFiles();
        vm.check();

        assertThat(vm.report()).extracting(ReportRow::severity, ReportRow::file, ReportRow::place).containsExactly(
                tuple(ReportRow.Severity.ERROR, "bad.csv", "第 2 行第 4 列"),
                tuple(ReportRow.Severity.ERROR, "bad.csv", "第 3 行第 2 列"),
                tuple(ReportRow.Severity.ERROR, "bad.csv", "第 4 行第 4 列"));
        assertThat(vm.report().get(0).message()).contains("abc");
        assertThat(vm.report().get(1).message()).contains("999999");
        assertThat(vm.fileRows()).extracting(FileRow::file, FileRow::problems, FileRow::outcome).containsExactly(
                tuple("bad.csv", 3, "有 3 个问题，不能导入"), tuple("good.csv", 0, "可以导入"));
        assertThat(vm.summaryProperty().get()).startsWith("发现 3 个问题（1 个文件有问题）");
        assertThat(vm.canImportProperty().get()).isFalse();

        vm.importChecked(); // refused: the check found problems

        assertThat(figures()).isEqualTo(before);
        assertThat(db.allPeriods()).doesNotContain(Period.year(2026));
    }

    @Test
    void aCheckNoLongerHoldsOnceAnotherScreenWroteOrTheChoiceChanged() throws IOException {
        answers.files = List.of(csv("figures.csv", "2026,331102,GDP,310.5,"));
        vm.chooseFiles();
        vm.check();
        assertThat(vm.canImportProperty().get()).isTrue();

        db.addPeriod(Period.year(2027), "张三"); // as the periods screen would, then it reloads
        workspace.reload();

        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("数据库内容或方案年度在检查后有了变化，请重新检查后再导入。");
        vm.check();
        assertThat(vm.canImportProperty().get()).isTrue();
        vm.kindProperty().set(ImportService.Kind.TARGETS);
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.report()).isEmpty();
    }

    @Test
    void aCancelledCheckAndACancelledImportWriteNothing() throws IOException {
        answers.files = List.of(csv("a.csv", "2026,331102,GDP,310.5,"), csv("b.csv", "2026,331121,GDP,220,"));
        int before = figures();
        long backupsBefore = backups();
        vm.chooseFiles();

        // 取消 pressed while the first file is checked
        vm.progressTextProperty().addListener((o, a, text) -> {
            if (text.startsWith("正在检查")) {
                vm.cancel();
            }
        });
        vm.check();
        assertThat(vm.summaryProperty().get()).isEqualTo("检查已取消，没有写入任何数据。");
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();

        // a fresh model checks to the end; 取消 pressed while the first file is written
        vm = new ImportsViewModel(workspace, new CurrentThreadTaskExecutor(), answers);
        vm.chooseFiles();
        vm.check();
        assertThat(vm.canImportProperty().get()).isTrue();
        vm.progressTextProperty().addListener((o, a, text) -> {
            if (text.startsWith("正在写入")) {
                vm.cancel();
            }
        });
        vm.importChecked();

        assertThat(vm.summaryProperty().get()).startsWith("导入已取消");
        assertThat(figures()).isEqualTo(before);
        assertThat(db.allPeriods()).doesNotContain(Period.year(2026));
        assertThat(backups()).isEqualTo(backupsBefore);
    }

    @Test
    void templatesForTwoTickedUnitsAreWrittenAndReadBackAsThoseUnitsTemplates() throws IOException {
        Path out = dir.resolve("templates");
        answers.templateFolder = Optional.of(out);
        assertThat(vm.templateTargetProperty().get()).isEqualTo("考核期：2025年　方案：2025 年度");
        assertThat(vm.templateUnits()).hasSize(10);

        vm.allUnitsProperty().set(false);
        vm.generateTemplates();
        assertThat(vm.errorProperty().get()).isEqualTo("请至少勾选一个单位，或选择“全部单位”。");
        assertThat(answers.asked).isEmpty();

        vm.templateUnits().get(0).chosenProperty().set(true);
        vm.templateUnits().get(2).chosenProperty().set(true);
        vm.generateTemplates();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.noticeProperty().get()).startsWith("已生成 2 份2025年数据填报模板（2025 年度方案），保存在 " + out);
        assertThat(vm.templateFolderProperty().get()).isEqualTo(out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2025_331102_莲都区_数据填报模板.xlsx", "2025_331122_缙云县_数据填报模板.xlsx");
        }

        // read back: the folder checks as the two units' templates, each value cell still to be filled in
        answers.importFolder = Optional.of(out);
        vm.chooseFolder();
        vm.check();
        assertThat(vm.report()).isNotEmpty().allMatch(r -> r.severity() == ReportRow.Severity.ERROR)
                .extracting(ReportRow::file).containsOnly("2025_331102_莲都区_数据填报模板.xlsx",
                        "2025_331122_缙云县_数据填报模板.xlsx");
        assertThat(vm.report()).extracting(ReportRow::place).allMatch(p -> p.startsWith("填报表!F"));
        assertThat(vm.canImportProperty().get()).isFalse();
    }
}
