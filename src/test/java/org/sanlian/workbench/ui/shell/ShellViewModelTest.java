package org.sanlian.workbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.WorkbenchScreens;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultRow;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.scheme.SchemeEditorViewModel;
import org.sanlian.workbench.ui.scheme.SchemeScreen;
import org.sanlian.workbench.ui.units.UnitsZonesScreen;

/**
 * The window's state and actions without a toolkit: the real screens' view models, the database
 * work on the test's thread, and the user's answers given in code.
 */
class ShellViewModelTest {

    /** Answers as a user would, and remembers what was asked. */
    static final class Answers implements Prompts {
        Optional<Path> open = Optional.empty();
        Optional<Path> create = Optional.empty();
        Optional<String> operator = Optional.empty();
        /** The first start's choice of content; unset: the default question (the operator, with the demo data). */
        Optional<FirstContent> firstContent = Optional.empty();
        Function<List<BackupFile>, Optional<BackupFile>> backup = b -> Optional.empty();
        Unsaved unsaved = Unsaved.CANCEL;
        final List<String> asked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public Optional<Path> databaseToOpen(Optional<Path> folder) {
            asked.add("open");
            return open;
        }

        @Override
        public Optional<Path> newDatabase(Optional<Path> folder) {
            asked.add("new");
            return create;
        }

        @Override
        public Optional<String> operator(String suggestion) {
            asked.add("operator " + suggestion);
            return operator;
        }

        @Override
        public Optional<Welcome> welcome(String suggestion, Path file) {
            if (firstContent.isEmpty()) {
                return Prompts.super.welcome(suggestion, file);
            }
            asked.add("welcome " + suggestion + " " + file.getFileName());
            return operator.map(name -> new Welcome(name, firstContent.get()));
        }

        @Override
        public Optional<BackupFile> backupToRestore(List<BackupFile> backups) {
            asked.add("backup " + backups.size());
            return backup.apply(backups);
        }

        @Override
        public Unsaved unsavedChanges(String screenTitle) {
            asked.add("unsaved " + screenTitle);
            return unsaved;
        }

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public List<Path> filesToImport(Optional<Path> folder) {
            asked.add("import files");
            return List.of();
        }

        @Override
        public Optional<Path> folderToImport(Optional<Path> folder) {
            asked.add("import folder");
            return Optional.empty();
        }

        @Override
        public Optional<Path> templateFolder(Optional<Path> folder) {
            asked.add("template folder");
            return Optional.empty();
        }
    }

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node(WindowState.NODE + "/test-" + System.nanoTime());
    private final Answers answers = new Answers();
    private final List<Path> remembered = new ArrayList<>();
    /** How many pieces of work the window's background was given. */
    private int tasks;
    private Workspace workspace;
    private ShellViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void create() {
        CurrentThreadTaskExecutor direct = new CurrentThreadTaskExecutor();
        TaskExecutor executor = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                tasks++;
                direct.execute(work, onSuccess, onFailure);
            }
        };
        workspace = new Workspace(executor);
        vm = new ShellViewModel(workspace, WorkbenchScreens.standard(),
                new ScreenContext(workspace, executor, new ScoringService(), answers), answers, new RecentFiles(prefs),
                remembered::add, Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Asia/Shanghai")),
                "sysuser");
        vm.showFirst(WorkbenchScreens.FIRST);
    }

    @AfterEach
    void close() throws Exception {
        vm.dispose();
        prefs.removeNode();
    }

    private WorkbenchDatabase db() {
        return workspace.database().orElseThrow();
    }

    private UnitsZonesScreen units() {
        return (UnitsZonesScreen) vm.screen(vm.screens().stream().filter(e -> e.id().equals("units")).findFirst()
                .orElseThrow());
    }

    @Test
    void aFirstStartAsksWhoIsWorkingKeepsTheAnswerAndFillsTheDemo() {
        answers.operator = Optional.of(" 张三 ");
        Path file = dir.resolve("first/sanlian.db");

        vm.start(file);

        assertThat(answers.asked).containsExactly("operator sysuser");
        assertThat(db().operator()).hasValue("张三");
        assertThat(workspace.operator()).isEqualTo("张三");
        assertThat(workspace.state().content().years()).containsExactly(2023, 2024, 2025);
        assertThat(workspace.period()).hasValue(Period.year(2025));
        assertThat(workspace.year()).hasValue(2025);
        assertThat(workspace.state().content().simulated()).isTrue();
        assertThat(vm.title()).startsWith("三链融合考核工作台 — ").endsWith("（示例数据）");
        assertThat(vm.recentFiles()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(remembered).isEmpty(); // the start's own file does not change what later starts open
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.current().id()).isEqualTo("results");
    }

    @Test
    void aFirstStartThatChoosesAnEmptyDatabaseGetsTheDefaultSchemeForThisYearAndNoFigures() {
        answers.operator = Optional.of("张三");
        answers.firstContent = Optional.of(Prompts.FirstContent.DEFAULT_SCHEME);
        Path file = dir.resolve("first/sanlian.db");

        vm.start(file);

        assertThat(answers.asked).containsExactly("welcome sysuser sanlian.db");
        assertThat(db().operator()).hasValue("张三");
        assertThat(db().schemes()).extracting(StoredScheme::year).containsExactly(2026);
        assertThat(db().periods()).isEmpty();
        assertThat(db().holdsDemoData()).isFalse();
        assertThat(workspace.state().content().simulated()).isFalse();
        assertThat(vm.title()).doesNotContain("示例数据");

        vm.dispose(); // a later start asks nothing and adds nothing
        create();
        answers.asked.clear();
        vm.start(file);
        assertThat(answers.asked).isEmpty();
        assertThat(db().schemes()).extracting(StoredScheme::year).containsExactly(2026);
    }

    @Test
    void declinedTheWorkIsRecordedUnderTheSystemUserAndTheQuestionComesBack() {
        Path file = dir.resolve("sanlian.db");
        vm.start(file);
        assertThat(workspace.operator()).isEqualTo("sysuser");
        assertThat(db().operator()).isEmpty();
        vm.dispose();

        create();
        answers.asked.clear();
        vm.start(file);
        assertThat(answers.asked).containsExactly("operator sysuser");
    }

    @Test
    void aDatabaseThatNamesItsOperatorOrIsReadOnlyAsksNobody() throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "李四");
        vm.start(file);
        assertThat(workspace.operator()).isEqualTo("李四");
        vm.dispose();

        Path unnamed = dir.resolve("unnamed.db");
        try (WorkbenchDatabase holder = WorkbenchDatabase.openOrCreateDemo(unnamed, "tester")) {
            create();
            vm.start(unnamed);
            assertThat(workspace.state().readOnly()).isTrue();
            assertThat(workspace.operator()).isEqualTo("sysuser");
        }
        assertThat(answers.asked).isEmpty();
    }

    @Test
    void aSchemeFileOpenedWithTheWorkbenchWaitsForTheDatabaseThenShowsOnTheSchemeScreenUnsaved() throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        String json = new String(getClass().getResourceAsStream(
                "/org/sanlian/workbench/schemes/sanlian-2025.scheme.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Path scheme = dir.resolve("下发方案.scheme.json");
        Files.writeString(scheme, json.replace("（默认方案）", "（市里下发）"));

        // the desktop hands the file over before the database is open
        assertThat(vm.openOnScreen(WorkbenchScreens.SCHEME, scheme)).isTrue();
        assertThat(vm.current().id()).isEqualTo(WorkbenchScreens.SCHEME);
        vm.start(file);

        SchemeEditorViewModel schemes = ((SchemeScreen) vm.screen(vm.current())).model();
        assertThat(schemes.errorProperty().get()).isEmpty();
        assertThat(schemes.state().name()).endsWith("（市里下发）");
        assertThat(schemes.isDirty()).isTrue(); // nothing kept until the user saves
        assertThat(db().scheme(db().schemes().get(db().schemes().size() - 1)).name()).endsWith("（默认方案）");

        // a screen that takes no files says so
        assertThat(vm.openOnScreen("results", scheme)).isFalse();
        assertThat(vm.openOnScreen("no-such-screen", scheme)).isFalse();
    }

    @Test
    void aFileThatCannotBeOpenedIsExplainedWhenNothingIsShown() throws Exception {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "不是数据库");

        vm.start(notes);

        assertThat(workspace.database()).isEmpty();
        assertThat(vm.loadErrorProperty().get()).contains("不是工作台数据库");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.title()).isEqualTo("三链融合考核工作台");
    }

    @Test
    void anotherDatabaseOpensFromTheFileMenuAndTheFirstIsClosed() {
        Path first = TestDatabases.demo(dir.resolve("a/first.db"), "张三");
        Path second = TestDatabases.imported(dir.resolve("b/second.db"), "李四");
        vm.start(first);

        answers.open = Optional.of(second);
        vm.openChosen();

        assertThat(db().file()).isEqualTo(second.toAbsolutePath().normalize());
        assertThat(workspace.operator()).isEqualTo("李四");
        assertThat(workspace.state().content().simulated()).isFalse();
        assertThat(vm.recentFiles()).containsExactly(second.toAbsolutePath().normalize(),
                first.toAbsolutePath().normalize());
        assertThat(remembered).containsExactly(second.toAbsolutePath().normalize()); // the next start opens it
        try (WorkbenchDatabase again = WorkbenchDatabase.open(first)) {
            assertThat(again.readOnly()).isFalse(); // the window let go of it
        }

        vm.openFile(second);
        assertThat(vm.messageProperty().get()).startsWith("数据库 ").endsWith(" 已经打开。");

        // a file another process took meanwhile cannot be opened: the one shown stays
        Path broken = dir.resolve("broken.db");
        answers.open = Optional.of(broken);
        try {
            Files.writeString(broken, "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        vm.openChosen();
        assertThat(db().file()).isEqualTo(second.toAbsolutePath().normalize());
        assertThat(answers.errors).singleElement().asString().startsWith("无法打开数据库: ");
    }

    @Test
    void theResultsShownFirstAreReadWhileTheDatabaseOpensAndAreTheUsualOnes() {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "李四");
        vm.start(TestDatabases.demo(dir.resolve("usual.db"), "李四")); // the same content, read as usual
        List<ResultRow> usual = List.copyOf(results().model().overallRows());
        assertThat(usual).hasSizeGreaterThan(5);
        vm.dispose();

        create();
        EarlyOpen early = EarlyOpen.begin(file, WorkbenchScreens.standard().earlyReading(WorkbenchScreens.FIRST));
        early.await(); // the opening is over before the window starts
        tasks = 0;
        vm.start(early);

        assertThat(workspace.database()).isPresent();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(results().model().overallRows()).isEqualTo(usual);
        assertThat(results().model().computations()).isEqualTo(1);
        // shown at once: neither the opening, nor the results' reading, nor their scoring went
        // through the window's background
        assertThat(tasks).isZero();
    }

    @Test
    void anOpeningStillRunningOrThatAsksSomethingIsShownThroughTheBackground() {
        Path file = dir.resolve("sanlian.db");
        vm.start(file); // the demo; the operator not given
        vm.dispose();

        create();
        answers.asked.clear();
        EarlyOpen early = EarlyOpen.begin(file, WorkbenchScreens.standard().earlyReading(WorkbenchScreens.FIRST));
        early.await();
        tasks = 0;
        vm.start(early);

        assertThat(answers.asked).containsExactly("operator sysuser");
        assertThat(tasks).isPositive();
        assertThat(workspace.database()).isPresent();
    }

    @Test
    void aScreensEarlyReadingIsGivenOnceAndOnlyWhileTheContentIsTheOneReadWithIt() {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "李四");
        vm.start(EarlyOpen.begin(file, Optional.of((db, content) -> "read from " + db.file().getFileName())));
        assertThat(workspace.takeEarly(Integer.class)).isEmpty();
        assertThat(workspace.takeEarly(String.class)).hasValue("read from w.db");
        assertThat(workspace.takeEarly(String.class)).isEmpty();
        vm.dispose();

        create();
        vm.start(EarlyOpen.begin(file, Optional.of((db, content) -> "early")));
        workspace.reload(); // another screen wrote: what was read early may be out of date
        assertThat(workspace.takeEarly(String.class)).isEmpty();
        vm.dispose();

        create();
        vm.start(EarlyOpen.begin(file, Optional.of((db, content) -> {
            throw new IllegalStateException("the reading failed");
        })));
        assertThat(workspace.database()).isPresent();
        assertThat(answers.errors).isEmpty();
        assertThat(workspace.takeEarly(Object.class)).isEmpty();
    }

    @Test
    void noEarlyReadingWhenTheOpeningWroteToTheDatabase() {
        Path file = dir.resolve("sanlian.db");
        vm.start(file); // the demo, its operator not given
        vm.dispose();

        create();
        answers.asked.clear();
        answers.operator = Optional.of("张三");
        vm.start(EarlyOpen.begin(file, Optional.of((db, content) -> "early")));

        assertThat(answers.asked).containsExactly("operator sysuser");
        assertThat(workspace.operator()).isEqualTo("张三");
        assertThat(workspace.takeEarly(String.class)).isEmpty();
    }

    private org.sanlian.workbench.ui.results.ResultsScreen results() {
        return (org.sanlian.workbench.ui.results.ResultsScreen) vm.screen(vm.screens().stream()
                .filter(e -> e.id().equals(WorkbenchScreens.FIRST)).findFirst().orElseThrow());
    }

    @Test
    void aNewDatabaseHoldsTheDefaultSchemeForThisYearUnderTheCurrentOperator() {
        vm.start(TestDatabases.demo(dir.resolve("demo.db"), "张三"));
        Path created = dir.resolve("office/new.db");
        answers.create = Optional.of(created);

        vm.createChosen();

        assertThat(db().file()).isEqualTo(created.toAbsolutePath().normalize());
        assertThat(db().schemes()).extracting(StoredScheme::year).containsExactly(2026);
        assertThat(db().operator()).hasValue("张三");
        assertThat(workspace.year()).hasValue(2026);
        assertThat(workspace.period()).isEmpty();
        assertThat(workspace.state().content().simulated()).isFalse();
        assertThat(answers.asked).containsExactly("new");

        vm.createFile(created); // the one open cannot be made again
        assertThat(answers.errors).singleElement().asString().contains("正在使用中");
    }

    @Test
    void aDailyBackupThatCannotBeWrittenIsReportedAndTheDatabaseStillOpens() throws Exception {
        Path file = TestDatabases.demo(dir.resolve("full/demo.db"), "张三");
        Path backups = file.resolveSibling("backups");
        if (java.nio.file.Files.isDirectory(backups)) {
            try (java.util.stream.Stream<Path> old = java.nio.file.Files.walk(backups)) {
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
        java.nio.file.Files.writeString(backups, "a file where the backups folder should be");

        vm.start(file);

        assertThat(workspace.database()).isPresent();
        assertThat(db().file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(answers.errors).singleElement().asString().startsWith("备份失败: ").contains("backups")
                .contains("磁盘空间");
    }

    @Test
    void periodsStepForwardAndBackAndTheYearFollows() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));

        vm.nextPeriod();
        assertThat(workspace.period()).hasValue(Period.year(2025)); // the last: nothing after it
        vm.previousPeriod();
        assertThat(workspace.period()).hasValue(Period.year(2024));
        assertThat(workspace.year()).hasValue(2024);
        vm.requestPeriod(Period.year(2022));
        assertThat(workspace.year()).hasValue(2023); // no 2022 scheme: the earliest scores it
        vm.previousPeriod();
        assertThat(workspace.period()).hasValue(Period.year(2022));
        vm.requestYear(2025);
        assertThat(workspace.year()).hasValue(2025);
        assertThat(workspace.period()).hasValue(Period.year(2022));
    }

    @Test
    void aScreenAsksTheWindowToShowAnotherThroughTheWorkspaceAfterTheUnsavedQuestion() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));
        assertThat(workspace.showScreen("periods")).isTrue();
        assertThat(vm.current().id()).isEqualTo("periods");
        assertThat(workspace.showScreen("no-such-screen")).isFalse();
        assertThat(vm.current().id()).isEqualTo("periods");

        vm.requestScreen("units");
        units().model().select("331102");
        units().model().moveSelectedToNeighbour(1);
        answers.unsaved = Prompts.Unsaved.CANCEL;
        assertThat(workspace.showScreen("overview")).isTrue();
        assertThat(vm.current().id()).isEqualTo("units");
        assertThat(answers.asked).contains("unsaved 单位与分区");
    }

    @Test
    void unsavedEditsAreAskedAboutBeforeTheyCouldBeLost() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));
        vm.requestScreen("units");
        var edits = units().model();
        edits.select("331102");
        edits.moveSelectedToNeighbour(1);
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.canUndoProperty().get()).isTrue();

        answers.unsaved = Prompts.Unsaved.CANCEL;
        vm.requestScreen("periods");
        vm.requestYear(2024);
        vm.nextPeriod();
        vm.previousPeriod();
        boolean[] closed = new boolean[1];
        vm.requestClose(() -> closed[0] = true);
        assertThat(vm.current().id()).isEqualTo("units");
        assertThat(workspace.year()).hasValue(2025);
        assertThat(workspace.period()).hasValue(Period.year(2025));
        assertThat(closed[0]).isFalse();
        assertThat(answers.asked).contains("unsaved 单位与分区");

        answers.unsaved = Prompts.Unsaved.SAVE;
        vm.requestYear(2024);
        assertThat(workspace.year()).hasValue(2024);
        assertThat(db().scheme(db().schemes().get(2)).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(edits.yearProperty().get()).isEqualTo(2024);

        edits.select("331102");
        edits.moveSelectedToNeighbour(1);
        answers.unsaved = Prompts.Unsaved.DISCARD;
        vm.requestScreen("periods");
        assertThat(vm.current().id()).isEqualTo("periods");
        assertThat(edits.isDirty()).isFalse();
        assertThat(db().scheme(db().schemes().get(1)).zoneByUnit().get("331102").code()).isEqualTo("Z1");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void undoRedoAndSaveActOnTheShownScreen() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));
        vm.requestScreen("units");
        var edits = units().model();
        edits.select("331181");
        edits.shiftSelected(1);
        vm.undo();
        assertThat(edits.isDirty()).isFalse();
        vm.redo();
        assertThat(edits.isDirty()).isTrue();
        vm.save();
        assertThat(edits.isDirty()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("已保存。");
        assertThat(db().scheme(db().schemes().get(2)).zones().get(1).units()).startsWith("331123", "331181");
    }

    @Test
    void aBackupIsTakenNowAndRestoredAfterConfirming() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));

        vm.backupNow();
        BackupFile taken = workspace.state().content().lastBackup().orElseThrow();
        assertThat(taken.reason()).isEqualTo("manual");
        assertThat(vm.messageProperty().get()).isEqualTo("已备份到 " + taken.file());

        db().addPeriod(Period.year(2026), "张三");
        workspace.reload();
        assertThat(workspace.state().content().periods()).contains(Period.year(2026));

        answers.backup = list -> list.stream().filter(b -> b.file().equals(taken.file())).findFirst();
        vm.restoreChosen();

        assertThat(workspace.state().content().periods()).doesNotContain(Period.year(2026));
        assertThat(vm.messageProperty().get()).startsWith("已用备份 " + taken.file() + " 恢复");
        assertThat(db().listBackups()).extracting(BackupFile::reason).contains("before-restore", "manual");
    }

    @Test
    void theOperatorCanBeChangedAndTheChangeIsAudited() {
        vm.start(TestDatabases.demo(dir.resolve("w.db"), "张三"));
        answers.operator = Optional.of("王五");

        vm.changeOperator();

        assertThat(workspace.operator()).isEqualTo("王五");
        assertThat(db().operator()).hasValue("王五");
        assertThat(vm.messageProperty().get()).isEqualTo("操作人已改为 王五，此后的修改都记在此人名下。");
    }

    @Test
    void aRecentFileThatIsGoneIsSaidAndForgotten() {
        Path gone = TestDatabases.demo(dir.resolve("gone.db"), "张三");
        vm.start(gone);
        vm.start(TestDatabases.demo(dir.resolve("kept.db"), "张三"));
        assertThat(vm.recentFiles()).hasSize(2);
        vm.dispose();
        try {
            Files.delete(gone);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        create();

        vm.openRecent(gone.toAbsolutePath().normalize());

        assertThat(answers.errors).singleElement().asString().contains("已不存在");
        assertThat(vm.recentFiles()).extracting(p -> p.getFileName().toString()).containsExactly("kept.db");
    }
}
