package org.sanlian.workbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.MainWindow;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.WorkbenchScreens;
import org.sanlian.workbench.ui.results.ResultsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window around the screens, driven as a user would: the side bar switches screens, Ctrl+O
 * opens another database (the file chooser's answer given in code), the File menu backs up,
 * Ctrl+PageUp/PageDown step one period, Ctrl+F finds, F1 shows the help, 关于 names the version and the data
 * folder, and the side bar's width and the screen shown are there again at the next start.
 */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    @TempDir
    Path dir;

    private ShellFixture shell;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        shell = new ShellFixture(stage);
    }

    @AfterEach
    void close() throws Exception {
        shell.close(true);
    }

    private static void waitForResults(FxRobot robot, String period) throws Exception {
        waitUntil(() -> robot.lookup("#" + ResultsView.STATUS_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith(period + "：")).orElse(false));
    }

    @Test
    void theSideBarListsTheScreensByGroupAndSwitchesThem(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        waitForResults(robot, "2025年");

        VBox side = robot.lookup("#" + ShellView.SIDE_BAR_ID).queryAs(VBox.class);
        List<String> entries = fx(() -> side.getChildren().stream()
                .map(n -> (n instanceof ToggleButton ? "  " : "") + ((javafx.scene.control.Labeled) n).getText())
                .toList());
        assertThat(entries).containsExactly("数据", "  指标方案", "  单位与分区", "  考核期", "  数据录入", "  导入与模板", "  公开承诺",
                "  七有覆盖", "结果", "  总览", "  计算与排名", "  末位约谈", "  趋势", "  目标进度", "  稳健性", "  通报与导出", "管理", "  审计日志", "  设置");
        assertThat(robot.lookup("#nav-results").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("单位与分区");
        waitUntil(() -> robot.lookup("#zone-Z1").tryQuery().isPresent());
        assertThat(robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-units").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("#periods-table").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 4).orElse(false));

        robot.clickOn("#nav-results");
        waitUntil(() -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery().isPresent());
        assertThat(shell.stage().getTitle()).endsWith("（示例数据）");
    }

    @Test
    void ctrlOOpensAnotherDatabaseChosenInTheFileChooser(FxRobot robot) throws Exception {
        Path first = TestDatabases.demo(dir.resolve("a/first.db"), "张三");
        Path second = TestDatabases.imported(dir.resolve("b/office.db"), "李四");
        shell.open(robot, first, w -> new FxPrompts(() -> w) {
            @Override
            public Optional<Path> databaseToOpen(Optional<Path> folder) {
                assertThat(folder).hasValue(first.toAbsolutePath().normalize().getParent());
                return Optional.of(second);
            }
        });
        waitForResults(robot, "2025年");

        robot.clickOn("#nav-units");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#" + MainWindow.DB_FILE_ID).queryAs(Label.class).getText()
                .equals("数据库：" + second.toAbsolutePath().normalize()));

        assertThat(robot.lookup("#" + MainWindow.DB_OPERATOR_ID).queryAs(Label.class).getText())
                .isEqualTo("操作人：李四");
        assertThat(robot.lookup("#" + MainWindow.DB_SIMULATED_ID).tryQuery()).isEmpty();
        assertThat(shell.stage().getTitle()).doesNotContain("示例数据");
        assertThat(shell.model().recentFiles()).containsExactly(second.toAbsolutePath().normalize(),
                first.toAbsolutePath().normalize());
        waitUntil(() -> robot.lookup("#zone-Z1").tryQuery().isPresent());
        try (WorkbenchDatabase again = WorkbenchDatabase.open(first)) {
            assertThat(again.readOnly()).isFalse(); // the window let go of the first
        }

        // the recent files menu opens the first again
        robot.clickOn("文件(F)").clickOn("最近打开的文件");
        robot.clickOn("2  " + first.toAbsolutePath().normalize());
        waitUntil(() -> robot.lookup("#" + MainWindow.DB_FILE_ID).queryAs(Label.class).getText()
                .equals("数据库：" + first.toAbsolutePath().normalize()));
    }

    @Test
    void theFileMenuBacksUpAndTheStatusBarNamesTheBackup(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        waitForResults(robot, "2025年");

        robot.clickOn("文件(F)").clickOn("立即备份");
        waitUntil(() -> robot.lookup("#" + MainWindow.DB_BACKUP_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("最近备份：")).orElse(false));

        String text = robot.lookup("#" + StatusBar.MESSAGE_ID).queryAs(Label.class).getText();
        assertThat(text).startsWith("已备份到 ");
        assertThat(Path.of(text.substring("已备份到 ".length()))).isRegularFile();
    }

    @Test
    void aBackupChosenFromTheListAndConfirmedReplacesTheContent(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        waitForResults(robot, "2025年");
        robot.clickOn("文件(F)").clickOn("立即备份");
        waitUntil(() -> shell.model().workspace().state().content().lastBackup().isPresent());
        BackupFile taken = shell.model().workspace().state().content().lastBackup().orElseThrow();
        robot.clickOn("#nav-periods");
        robot.clickOn("#periods-table");
        robot.clickOn("#new-period").write("2026");
        robot.clickOn("#add-period");
        waitUntil(() -> shell.model().workspace().period().equals(Optional.of(Period.year(2026))));

        robot.clickOn("文件(F)").clickOn("从备份恢复…");
        waitUntil(() -> robot.lookup("#" + FxPrompts.BACKUP_LIST_ID).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<BackupFile> list = robot.lookup("#" + FxPrompts.BACKUP_LIST_ID)
                .queryAs(javafx.scene.control.ListView.class);
        robot.clickOn(ShellFixture.cell(robot, list, taken));
        ShellFixture.clickDefaultButton(robot); // choose it
        waitUntil(() -> robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> String.valueOf(((Label) n).getText()).startsWith("确定用这个备份替换")));
        ShellFixture.clickDefaultButton(robot); // confirm
        waitUntil(() -> !shell.model().workspace().state().content().periods().contains(Period.year(2026)));

        assertThat(shell.model().workspace().period()).hasValue(Period.year(2025));
        assertThat(robot.lookup("#" + StatusBar.MESSAGE_ID).queryAs(Label.class).getText())
                .startsWith("已用备份 " + taken.file() + " 恢复");
        // the periods screen reloads in the background, after the workspace
        waitUntil(() -> robot.lookup("#periods-table").queryAs(TableView.class).getItems().size() == 4);
    }

    @Test
    void ctrlPageUpAndDownStepOnePeriodFromAnyScreen(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        waitForResults(robot, "2025年");
        robot.clickOn("#" + ResultsView.OVERALL_TABLE_ID); // a table (and tab pane) that would take the keys

        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        waitForResults(robot, "2024年");
        assertThat(shell.model().workspace().period()).hasValue(Period.year(2024));
        assertThat(robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class).getValue())
                .isEqualTo(Period.year(2024));
        assertThat(robot.lookup("#" + ShellView.YEAR_BOX_ID).queryAs(ComboBox.class).getValue()).isEqualTo(2024);

        robot.clickOn("#nav-periods");
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        waitUntil(() -> shell.model().workspace().period().equals(Optional.of(Period.year(2025))));
        robot.clickOn("#nav-results");
        waitForResults(robot, "2025年");
    }

    @Test
    void ctrlFFindsAUnitInTheResultsAndFocusesTheEntryScreensFilter(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        waitForResults(robot, "2025年");
        TableView<?> overall = robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
        robot.clickOn(overall);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#" + ResultsView.FIND_ID).query().isFocused());
        robot.write("松阳");
        waitUntil(() -> fx(() -> overall.getSelectionModel().getSelectedItem() != null
                && ((org.sanlian.workbench.ui.results.ResultRow) overall.getSelectionModel().getSelectedItem())
                        .unitName().equals("松阳县")));
        // a code finds it too, and Enter goes on to the next match (here the same, the only one)
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("3311").type(KeyCode.ENTER);
        String first = fx(() -> ((org.sanlian.workbench.ui.results.ResultRow) overall.getSelectionModel()
                .getSelectedItem()).unitCode());
        robot.type(KeyCode.ENTER);
        String second = fx(() -> ((org.sanlian.workbench.ui.results.ResultRow) overall.getSelectionModel()
                .getSelectedItem()).unitCode());
        assertThat(first).startsWith("3311");
        assertThat(second).startsWith("3311").isNotEqualTo(first);

        robot.clickOn("数据录入");
        waitUntil(() -> robot.lookup("#" + org.sanlian.workbench.ui.entry.EntryView.NAME_FILTER_ID).tryQuery()
                .isPresent());
        robot.clickOn("#" + org.sanlian.workbench.ui.entry.EntryView.TABLE_ID);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#" + org.sanlian.workbench.ui.entry.EntryView.NAME_FILTER_ID).query()
                .isFocused());
    }

    @Test
    void f1ShowsTheHelpAndAboutNamesTheVersionAndTheDataFolder(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-units");

        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#" + HelpWindow.TEXT_ID).tryQuery().isPresent());
        TextFlow help = robot.lookup("#" + HelpWindow.TEXT_ID).queryAs(TextFlow.class);
        String text = fx(() -> help.getChildren().stream().map(n -> ((Text) n).getText())
                .reduce("", String::concat));
        assertThat(text).startsWith("三链融合考核工作台 使用帮助").contains("单位与分区", "复制到新年度", "Ctrl+PageDown");
        robot.interact(() -> help.getScene().getWindow().hide());

        robot.clickOn("帮助(H)").clickOn("关于");
        waitUntil(() -> robot.lookup("#" + AboutDialog.TEXT_ID).tryQuery().isPresent());
        String about = robot.lookup("#" + AboutDialog.TEXT_ID).queryAs(Label.class).getText();
        assertThat(about).startsWith("版本：").contains(DataFolder.folder().toAbsolutePath().toString())
                .contains(dir.resolve("w.db").toAbsolutePath().normalize().toString());
        assertThat(about.lines().findFirst().orElseThrow()).doesNotContain("${");
        robot.interact(() -> robot.lookup("#" + AboutDialog.TEXT_ID).query().getScene().getWindow().hide());
    }

    @Test
    void theSideBarWidthAndTheScreenShownAreThereAtTheNextStart(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        shell.open(robot, file);
        robot.clickOn("#nav-periods");
        SplitPane split = robot.lookup("#" + ShellView.SPLIT_ID).queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.3));
        shell.close(false);

        shell.open(robot, file);
        waitUntil(() -> robot.lookup("#periods-table").tryQuery().isPresent());
        assertThat(shell.model().current().id()).isEqualTo("periods");
        SplitPane again = robot.lookup("#" + ShellView.SPLIT_ID).queryAs(SplitPane.class);
        assertThat(fx(() -> again.getDividerPositions()[0])).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
        Node nav = robot.lookup("#nav-periods").query();
        assertThat(((ToggleButton) nav).isSelected()).isTrue();
    }

    @Test
    void aColumnWidthTheUserGaveIsThereAtTheNextStart(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        shell.open(robot, file);
        waitForResults(robot, "2025年");
        TableView<?> overall = robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
        double before = fx(() -> column(overall, "unit").getWidth());
        robot.interact(() -> column(overall, "unit").setPrefWidth(before + 97));
        waitUntil(() -> fx(() -> column(overall, "unit").getWidth()) > before + 90);
        shell.close(false);

        shell.open(robot, file);
        waitForResults(robot, "2025年");
        TableView<?> again = robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
        waitUntil(() -> fx(() -> column(again, "unit").getWidth()) > before + 90);
        assertThat(fx(() -> column(again, "unit").getWidth())).isCloseTo(before + 97,
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aSplitInsideAScreenIsWhereTheUserLeftItAtTheNextStart(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        shell.open(robot, file);
        robot.clickOn("#nav-scheme");
        String id = "#" + org.sanlian.workbench.ui.scheme.SchemeEditorView.SPLIT_ID;
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        SplitPane split = robot.lookup(id).queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.47));
        shell.close(false);

        shell.open(robot, file);
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        SplitPane again = robot.lookup(id).queryAs(SplitPane.class);
        assertThat(again).isNotSameAs(split);
        assertThat(fx(() -> again.getDividerPositions()[0])).isCloseTo(0.47, org.assertj.core.data.Offset.offset(0.02));
    }

    private static javafx.scene.control.TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
