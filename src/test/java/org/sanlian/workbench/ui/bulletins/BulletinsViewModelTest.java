package org.sanlian.workbench.ui.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.ReadOnlyFile;
import org.sanlian.workbench.Workbooks;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The bulletins view model on the demo database, without a toolkit: its work runs on the test's thread. */
class BulletinsViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final Period Y2024 = Period.year(2024);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private SaveAnswers answers;
    private BulletinsViewModel vm;

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
        answers = new SaveAnswers();
        vm = new BulletinsViewModel(workspace, executor, answers);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theChosenPeriodIsPublishedUnderTheProposedNumberAndItsYearIsFrozen() {
        assertThat(workspace.period()).hasValue(Y2025);
        assertThat(vm.periodTextProperty().get()).isEqualTo("2025年（方案 2025 年）：尚未发布通报。");
        assertThat(vm.canPublishProperty().get()).isTrue();
        assertThat(vm.proposedNumber()).isEqualTo("2025-1");
        assertThat(vm.publishExplanation()).contains("2025年 的考核结果", "2025 年的方案", "张三");
        assertThat(workspace.state().yearPublished()).isFalse();

        vm.publish(vm.proposedNumber());

        List<Bulletin> kept = PublishService.list(db);
        assertThat(kept).singleElement().satisfies(b -> {
            assertThat(b.number()).isEqualTo("2025-1");
            assertThat(b.period()).isEqualTo(Y2025);
            assertThat(b.operator()).isEqualTo("张三");
        });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.hashProperty().get()).isEqualTo(kept.get(0).contentHash()).matches("[0-9a-f]{64}");
        assertThat(vm.noticeProperty().get()).startsWith("已发布通报 2025-1（2025年，方案 2025 年）");
        // the workspace was reloaded: every screen sees the year's scheme frozen
        assertThat(workspace.state().yearPublished()).isTrue();
        assertThat(workspace.state().revision()).isEqualTo(1);
        assertThat(vm.bulletins()).extracting(Bulletin::number).containsExactly("2025-1");
        assertThat(BulletinsViewModel.publishedAt(kept.get(0))).isEqualTo(java.time.Instant.parse(
                kept.get(0).createdAt()).atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().toString()
                .replace('T', ' ').substring(0, 16));
        assertThat(vm.selectedProperty().get().number()).isEqualTo("2025-1");
        assertThat(vm.periodTextProperty().get()).isEqualTo("2025年（方案 2025 年）：已发布为通报 2025-1。");
        // the summary comes from the frozen content: ten units, and the bottom list with its reasons
        PublishService.Summary summary = PublishService.summary(kept.get(0));
        assertThat(summary.units()).isEqualTo(10);
        assertThat(vm.summaryProperty().get()).startsWith("通报 2025-1：2025年，方案 2025 年，发文单位 ")
                .contains("共 10 个单位参加排名，" + summary.listed().size() + " 个单位列入末位约谈名单。")
                .endsWith("（示例数据）");
        assertThat(vm.listed()).isNotEmpty().isEqualTo(summary.listed());
        assertThat(vm.listed()).allSatisfy(l -> assertThat(l.rules()).isNotEmpty());
        // the next number for another period follows the same style
        workspace.selectPeriod(Y2024);
        assertThat(vm.proposedNumber()).isEqualTo("2024-1");
    }

    @Test
    void publishingAPeriodAlreadyPublishedIsRefusedUnderAnyOtherNumber() {
        vm.publish("2025-1");
        assertThat(vm.errorProperty().get()).isEmpty();

        assertThat(vm.publishRefusal()).hasValue(
                "2025年 已发布为通报 2025-1（通报日期 " + PublishService.list(db).get(0).publishedOn()
                        + "），不能以另一个编号再次发布。已发布的通报不能修改；要查看或分发，请在下方列表中选中它并导出通报工作簿。");
        vm.publish("2025-2");
        assertThat(vm.errorProperty().get()).startsWith("2025年 已发布为通报 2025-1");
        assertThat(PublishService.list(db)).extracting(Bulletin::number).containsExactly("2025-1");

        // published meanwhile by another route (the command line): the list shown is stale, the write still refuses
        PublishService.publish(db, Y2024, Optional.empty(), Optional.of("2024-1"), Optional.empty(), "李四");
        workspace.selectPeriod(Y2024);
        assertThat(vm.publishRefusal()).isEmpty();
        vm.publish("2024-A");
        assertThat(vm.errorProperty().get()).startsWith("2024年 已发布为通报 2024-1");
        assertThat(PublishService.list(db)).extracting(Bulletin::number).containsExactlyInAnyOrder("2025-1", "2024-1");
        assertThat(vm.bulletins()).hasSize(2); // read again after the refusal
    }

    @Test
    void aTakenNumberOrABlankOneIsRefusedAndNothingIsWritten() {
        PublishService.publish(db, Y2024, Optional.empty(), Optional.of("2025-1"), Optional.empty(), "李四");
        vm.load();
        assertThat(vm.proposedNumber()).isEqualTo("2025-2"); // the first free one in the office's style

        vm.publish("  ");
        assertThat(vm.errorProperty().get()).isEqualTo("请填写通报编号，如 2025-1。");
        vm.publish("2025-1");
        assertThat(vm.errorProperty().get()).startsWith("未能发布 2025年 的通报，数据库没有改动：")
                .contains("通报编号 2025-1 已被使用");
        assertThat(PublishService.list(db)).hasSize(1);
        assertThat(vm.hashProperty().get()).isEmpty();
        assertThat(workspace.state().revision()).isZero();
    }

    @Test
    void aReadOnlyDatabaseIsRefusedPublishing() {
        try (WorkbenchDatabase second = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            assertThat(second.readOnly()).isTrue();
            Workspace other = new Workspace(new CurrentThreadTaskExecutor());
            other.attach(second, Workspace.Content.read(second), "李四");
            BulletinsViewModel readOnly = new BulletinsViewModel(other, new CurrentThreadTaskExecutor(), answers);
            assertThat(readOnly.canPublishProperty().get()).isFalse();
            assertThat(readOnly.periodTextProperty().get()).isEqualTo("2025年（方案 2025 年）：尚未发布通报。（数据库只读，不能发布）");
            assertThat(readOnly.canExportLiveProperty().get()).isTrue(); // exporting only reads

            readOnly.publish("2025-1");
            assertThat(readOnly.errorProperty().get()).startsWith("数据库以只读方式打开");
            assertThat(PublishService.list(db)).isEmpty();
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsRefusedPublishingWithTheFilesReason() throws IOException {
        Path file = dir.resolve("read-only.db");
        WorkbenchDatabase.openOrCreateDemo(file, "李四").close();
        try (ReadOnlyFile readOnly = ReadOnlyFile.of(file); WorkbenchDatabase ro = WorkbenchDatabase.open(file)) {
            assertThat(ro.readOnlyReason()).isEqualTo(WorkbenchDatabase.ReadOnlyReason.FILE_READ_ONLY);
            Workspace other = new Workspace(new CurrentThreadTaskExecutor());
            other.attach(ro, Workspace.Content.read(ro), "李四");
            BulletinsViewModel vm = new BulletinsViewModel(other, new CurrentThreadTaskExecutor(), answers);
            assertThat(vm.canPublishProperty().get()).isFalse();
            assertThat(vm.canExportLiveProperty().get()).isTrue();

            vm.publish("2025-1");
            assertThat(vm.errorProperty().get()).startsWith("数据库文件是只读的").contains("取消该文件的只读属性")
                    .doesNotContain("另一个");
            assertThat(PublishService.list(ro)).isEmpty();
        }
    }

    @Test
    void aPeriodThatCannotBeScoredIsRefusedWithTheReason() {
        db.addPeriod(Period.year(2026), "tester");
        workspace.reload();
        workspace.selectPeriod(Period.year(2026));
        assertThat(vm.publishRefusal()).isEmpty();

        vm.publish(vm.proposedNumber());

        assertThat(vm.errorProperty().get()).startsWith("未能发布 2026年 的通报，数据库没有改动：\n");
        assertThat(vm.errorProperty().get().lines().skip(1)).singleElement().asString()
                .contains("考核期 2026 的任何数值"); // the scoring's own reason, as the command line says it
        assertThat(PublishService.list(db)).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void exportingABulletinReportsEachSheetAndOffersItsFolder() throws Exception {
        vm.publish("2025-1");
        Path out = dir.resolve("out/通报.xlsx");
        answers.saveAs = Optional.of(out);
        List<String> steps = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        vm.progressTextProperty().addListener((o, a, text) -> steps.add(text));
        vm.progressProperty().addListener((o, a, f) -> fractions.add(f.doubleValue()));

        vm.exportBulletin();

        assertThat(answers.proposedNames).containsExactly("三链融合考核通报 2025-1.xlsx");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(out).exists();
        assertThat(vm.exportedProperty().get()).isEqualTo(out.toAbsolutePath());
        try (XSSFWorkbook wb = Workbooks.open(out)) {
            List<String> sheets = Workbooks.sheetNames(wb);
            int total = sheets.size(); // every sheet but 图表数据 is a step, and saving the file is one more
            assertThat(steps).contains("正在准备工作簿…", "正在写工作表“总排名”（1/" + total + "）",
                    "正在写工作表“跨越发展类”（2/" + total + "）", "正在写工作表“说明”（" + (total - 2) + "/" + total + "）",
                    "正在写工作表“图表”（" + (total - 1) + "/" + total + "）",
                    "正在保存文件（" + total + "/" + total + "）");
            assertThat(vm.noticeProperty().get()).isEqualTo("已导出 " + out.toAbsolutePath() + "（" + total + " 张工作表）。");
        }
        // the bar fills sheet by sheet, and is emptied when the export is done
        List<Double> shown = fractions.stream().filter(f -> f >= 0).toList();
        assertThat(shown.subList(0, shown.size() - 1)).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(5);
        assertThat(shown.get(shown.size() - 1)).isZero();
        assertThat(vm.progressTextProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();

        vm.openFolder();
        assertThat(answers.opened).containsExactly(out.toAbsolutePath().getParent());
    }

    @Test
    void cancellingAnExportLeavesNeitherTheWorkbookNorItsTemporaryFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path out = folder.resolve("live.xlsx");
        answers.saveAs = Optional.of(out);
        List<String> steps = new ArrayList<>();
        vm.progressTextProperty().addListener((o, a, text) -> {
            steps.add(text);
            if (text.contains("指标得分明细")) {
                vm.cancel(); // the user presses 取消 while the detail sheet is written
            }
        });

        vm.exportLive();

        assertThat(answers.proposedNames).containsExactly("三链融合考核结果 2025年.xlsx");
        assertThat(steps).contains("正在取消…").noneMatch(s -> s.startsWith("正在写工作表“末位约谈名单”"));
        assertThat(vm.noticeProperty().get()).isEqualTo("已取消导出，没有写入 live.xlsx。");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.exportedProperty().get()).isNull();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        assertThat(vm.busyProperty().get()).isFalse();

        // and the next export runs whole
        answers.saveAs = Optional.of(folder.resolve("again.xlsx"));
        BulletinsViewModel fresh = new BulletinsViewModel(workspace, new CurrentThreadTaskExecutor(), answers);
        fresh.exportLive();
        assertThat(folder.resolve("again.xlsx")).exists();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("again.xlsx");
        }
    }

    @Test
    void decliningTheFileQuestionExportsNothing() throws IOException {
        vm.exportLive();
        assertThat(answers.proposedNames).hasSize(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).noneMatch(p -> p.toString().endsWith(".xlsx"));
        }
    }
}
