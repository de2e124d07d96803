package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.ReadOnlyFile;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.results.ResultRow;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.sanlian.workbench.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a database (issue 3, first start): a file that does not exist yet is created with
 * the default scheme and the demo data after the operator was asked for (and kept as the database's
 * {@code operator} setting, under whose name the demo data is recorded), the latest period is shown
 * as scoring reads it from the database, other periods chosen at the top load from it too; a file
 * another opener holds, or a read-only file, is shown read-only with its reason (and nobody is asked); a file that is no
 * database is refused with a sentence. Every file lives in a temporary folder, never in the user's
 * data folder.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {

    private static final int WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node(WindowState.NODE + "/test-" + System.nanoTime());
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() throws Exception {
        closeWindow();
        prefs.removeNode();
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> {
            window = MainWindow.onDatabase(stage, file, new WindowState(prefs, "main"));
            window.show();
        });
    }

    /** Hides the stage, which closes the window and its database. */
    private void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        if (window != null) {
            window.close();
            window = null;
        }
    }

    /** Answers the first start's question: who is working. */
    private static void answerOperator(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + FxPrompts.OPERATOR_FIELD_ID).tryQuery().isPresent());
        TextField field = robot.lookup("#" + FxPrompts.OPERATOR_FIELD_ID).queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write(name);
        robot.type(KeyCode.ENTER); // the dialog's default button (its text follows the system's language)
    }

    /** Waits for the results of {@code period} (the status line under the tables names it), or a load error. */
    private static void waitForResults(FxRobot robot, Period period) throws Exception {
        String prefix = Messages.get().text("ui.period.year", Integer.toString(period.year())) + "：";
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#" + MainWindow.LOAD_ERROR_ID)
                .tryQuery().isPresent()
                || robot.lookup("#" + ResultsView.STATUS_ID).tryQuery()
                        .map(n -> ((Label) n).getText().startsWith(prefix)).orElse(false));
        assertThat(robot.lookup("#" + MainWindow.LOAD_ERROR_ID).tryQuery()).isEmpty();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownRanking(FxRobot robot) throws Exception {
        TableView<ResultRow> table = robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
        return WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                .map(r -> r.unitCode() + " " + r.rank() + " " + r.total()).toList()).get(10, TimeUnit.SECONDS);
    }

    private static List<String> scoredRanking(WorkbenchDatabase db, Period period) {
        PeriodResult r = new ScoringService().score(db.assessment(period, Optional.empty()), period);
        return r.rows().stream().map(u -> u.unit().code() + " " + u.rank() + " " + u.total()).toList();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void theFirstStartCreatesTheDemoDatabaseAndShowsItsLatestPeriod(FxRobot robot) throws Exception {
        Path file = dir.resolve("data").resolve("sanlian").resolve("sanlian.db");
        assertThat(file).doesNotExist();

        open(robot, file);
        answerOperator(robot, "张三");
        waitForResults(robot, Period.year(2025));

        assertThat(file).isRegularFile();
        assertThat(robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class).getItems())
                .extracting(Object::toString).containsExactly("2022", "2023", "2024", "2025");
        assertThat(robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class).getValue())
                .isEqualTo(Period.year(2025));
        assertThat(robot.lookup("#" + ShellView.YEAR_BOX_ID).queryAs(ComboBox.class).getValue()).isEqualTo(2025);
        assertThat(text(robot, MainWindow.DB_OPERATOR_ID)).isEqualTo("操作人：张三");
        assertThat(text(robot, MainWindow.DB_SIMULATED_ID)).isEqualTo("示例数据");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isPresent();
        assertThat(stage.getTitle()).endsWith("（示例数据）");
        assertThat(text(robot, MainWindow.DB_FILE_ID)).isEqualTo("数据库：" + file.toAbsolutePath().normalize());
        assertThat(robot.lookup("#" + MainWindow.DB_READ_ONLY_ID).tryQuery()).isEmpty();
        assertThat(robot.lookup("#" + MainWindow.DB_BACKUP_ID).tryQuery()).isEmpty(); // nothing to back up yet
        List<String> shown2025 = shownRanking(robot);
        assertThat(shown2025).hasSize(10);

        // another period chosen at the top is read from the database too
        ComboBox<?> periods = robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class);
        robot.interact(() -> periods.getSelectionModel().select(2)); // 2024
        waitForResults(robot, Period.year(2024));
        List<String> shown2024 = shownRanking(robot);

        closeWindow();

        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            assertThat(db.readOnly()).isFalse(); // the window let go of it
            assertThat(db.schemes()).extracting(StoredScheme::year).containsExactly(2023, 2024, 2025);
            assertThat(db.periods()).extracting(Period::toString).containsExactly("2022", "2023", "2024", "2025");
            assertThat(shown2025).containsExactlyElementsOf(scoredRanking(db, Period.year(2025)));
            assertThat(shown2024).containsExactlyElementsOf(scoredRanking(db, Period.year(2024)));
            assertThat(db.check()).isEmpty();
            assertThat(db.operator()).hasValue("张三");
            assertThat(db.audit(AuditFilter.any())).extracting(AuditEntry::operator).containsOnly("张三");
        }
    }

    @Test
    void theNextStartOpensTheSameFileAndNamesTheDaysBackup(FxRobot robot) throws Exception {
        Path file = dir.resolve("sanlian.db");
        try (WorkbenchDatabase first = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            assertThat(first.dailyBackup()).isEmpty(); // created empty: nothing to back up
            first.setOperator("李四", "tester");
        }

        open(robot, file); // the database names its operator: nobody is asked
        waitForResults(robot, Period.year(2025));

        assertThat(text(robot, MainWindow.DB_OPERATOR_ID)).isEqualTo("操作人：李四");
        assertThat(robot.lookup("#" + FxPrompts.OPERATOR_FIELD_ID).tryQuery()).isEmpty();
        String backup = text(robot, MainWindow.DB_BACKUP_ID);
        assertThat(backup).startsWith("今日备份：");
        assertThat(Path.of(backup.substring("今日备份：".length()))).isRegularFile();
        closeWindow();
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            assertThat(db.schemes()).hasSize(3); // not filled twice
        }
    }

    @Test
    void aFileAnotherOpenerHoldsIsShownReadOnlyWithTheReason(FxRobot robot) throws Exception {
        Path file = dir.resolve("shared.db");
        try (WorkbenchDatabase holder = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            assertThat(holder.readOnly()).isFalse();

            open(robot, file);
            waitForResults(robot, Period.year(2025));

            Path absolute = file.toAbsolutePath().normalize();
            assertThat(text(robot, MainWindow.DB_FILE_ID)).isEqualTo("数据库：" + absolute);
            assertThat(text(robot, MainWindow.DB_READ_ONLY_ID)).isEqualTo("只读");
            assertThat(text(robot, MainWindow.DB_READ_ONLY_NOTICE_ID))
                    .isEqualTo(Messages.get().text("issue.store.read-only", absolute.toString()))
                    .contains("只读");
            assertThat(shownRanking(robot)).containsExactlyElementsOf(scoredRanking(holder, Period.year(2025)));

            closeWindow();
            assertThat(holder.schemes()).hasSize(3); // the holder still reads and holds the lock
        }
        try (WorkbenchDatabase after = WorkbenchDatabase.open(file)) {
            assertThat(after.readOnly()).isFalse();
            assertThat(after.check()).isEmpty(); // db check
        }
    }


    @Test
    void aReadOnlyFileIsShownReadOnlyWithTheFilesReason(FxRobot robot) throws Exception {
        Path file = dir.resolve("read-only.db");
        List<String> ranking;
        try (WorkbenchDatabase made = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            ranking = scoredRanking(made, Period.year(2025));
        }
        Path absolute = file.toAbsolutePath().normalize();
        try (ReadOnlyFile readOnly = ReadOnlyFile.of(file)) {
            open(robot, file);
            waitForResults(robot, Period.year(2025));

            assertThat(text(robot, MainWindow.DB_READ_ONLY_ID)).isEqualTo("只读");
            assertThat(text(robot, MainWindow.DB_READ_ONLY_NOTICE_ID))
                    .isEqualTo(Messages.get().text("ui.db.file-read-only-notice", absolute.toString()))
                    .contains(absolute.toString()).contains("文件权限或属性").doesNotContain("另一个");
            assertThat(shownRanking(robot)).containsExactlyElementsOf(ranking);
            closeWindow();
        }
        try (WorkbenchDatabase after = WorkbenchDatabase.open(file)) {
            assertThat(after.readOnly()).isFalse();
            assertThat(after.check()).isEmpty();
        }
    }
    @Test
    void aFileThatIsNoDatabaseIsRefusedWithASentence(FxRobot robot) throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "这不是数据库，只是一些笔记。\n");

        open(robot, file);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + MainWindow.LOAD_ERROR_ID).tryQuery().isPresent());

        Path absolute = file.toAbsolutePath().normalize();
        assertThat(text(robot, MainWindow.LOAD_ERROR_ID)).isEqualTo(
                Messages.get().describe(Issue.of(absolute.toString(), "store.not-a-database", absolute)))
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("这不是数据库，只是一些笔记。\n"); // untouched
    }
}
