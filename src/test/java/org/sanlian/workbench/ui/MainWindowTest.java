package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.shell.EarlyOpen;
import org.sanlian.workbench.ui.shell.ShellView;
import org.sanlian.workbench.ui.shell.StatusBar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window: progress while the database opens in the background, then the results with the
 * title and the 示例数据 marks; real figures without them; errors as text; the window's place
 * remembered.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

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
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS); // saves the window state
        if (window != null) {
            window.close();
        }
        prefs.removeNode();
    }

    /**
     * Opens the window on {@code file}; returns what it showed before the database was open: whether
     * the progress indicator was there, and the title.
     */
    private String open(FxRobot robot, Path file) {
        return open(robot, file, Optional.empty());
    }

    /** As {@link #open(FxRobot, Path)}, the database's opening {@code begun} before the window. */
    private String open(FxRobot robot, Path file, Optional<EarlyOpen> begun) {
        String[] before = new String[1];
        robot.interact(() -> {
            window = MainWindow.onDatabase(stage, file, new WindowState(prefs, "main"));
            window.show(begun);
            before[0] = robot.lookup("#" + MainWindow.LOADING_ID).tryQuery().isPresent() + " " + stage.getTitle();
        });
        return before[0];
    }

    private static void waitForTable(FxRobot robot, int rows) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery().isPresent()
                        || robot.lookup("#" + MainWindow.LOAD_ERROR_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + MainWindow.LOAD_ERROR_ID).tryQuery()).isEmpty();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID)
                .queryAs(TableView.class).getItems().size() == rows);
    }

    @Test
    void showsProgressWhileLoadingThenTheResultsWithTitleAndBanner(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("demo.db"), "张三");
        CountDownLatch reading = new CountDownLatch(1);
        EarlyOpen slow = EarlyOpen.begin(file, Optional.of((db, content) -> {
            try {
                reading.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "nothing";
        }));

        assertThat(open(robot, file, Optional.of(slow))).isEqualTo("true 三链融合考核工作台");
        reading.countDown();

        waitForTable(robot, 10);
        assertThat(stage.getTitle()).isEqualTo("三链融合考核工作台 — " + AssessmentFiles.defaultScheme().name()
                + "（示例数据）");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).queryAs(Label.class).getText()).startsWith("示例数据");
        assertThat(robot.lookup("#" + MainWindow.DB_SIMULATED_ID).queryAs(Label.class).getText()).isEqualTo("示例数据");
        assertThat(robot.lookup("#" + MainWindow.LOADING_ID).tryQuery()).isEmpty();
    }

    @Test
    void aDatabaseOpenedBeforeTheWindowIsShownWithItsResultsInTheFirstLayout(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("demo.db"), "张三");
        EarlyOpen early = EarlyOpen.begin(file, WorkbenchScreens.standard().earlyReading(WorkbenchScreens.FIRST));
        early.await();

        String[] shown = new String[1];
        robot.interact(() -> {
            window = MainWindow.onDatabase(stage, file, new WindowState(prefs, "main"));
            window.show(Optional.of(early));
            // on screen, before any answer from the background: no progress, the results' rows
            shown[0] = robot.lookup("#" + MainWindow.LOADING_ID).tryQuery().isPresent() + " "
                    + robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class).getItems().size();
        });

        assertThat(shown[0]).isEqualTo("false 10");
        assertThat(stage.getTitle()).endsWith("（示例数据）");
    }

    @Test
    void aWindowReopenedOnTheSchemeShowsItsTreeAndPreviewInTheFirstLayout(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("demo.db"), "张三");
        prefs.put(MainWindow.SCREEN_KEY, WorkbenchScreens.SCHEME);
        EarlyOpen early = EarlyOpen.begin(file, WorkbenchScreens.standard().earlyReading(WorkbenchScreens.SCHEME));
        early.await();

        String[] shown = new String[1];
        robot.interact(() -> {
            window = MainWindow.onDatabase(stage, file, new WindowState(prefs, "main"));
            window.show(Optional.of(early));
            // on screen, before any answer from the background: the tree's dimensions, the preview's chart
            TreeView<?> tree = robot.lookup(".tree-view").queryAs(TreeView.class);
            ChartViewer chart = robot.lookup((javafx.scene.Node n) -> n instanceof ChartViewer).queryAs(ChartViewer.class);
            shown[0] = robot.lookup("#" + MainWindow.LOADING_ID).tryQuery().isPresent() + " "
                    + tree.getRoot().getChildren().size() + " " + chart.getChart().getTitle().getText();
        });

        assertThat(shown[0]).isEqualTo("false 3 2025：国家高新技术企业数 的评分规则（HTE）");
    }

    @Test
    void realDataHasNoSimulatedBanner(FxRobot robot) throws Exception {
        Path file = TestDatabases.imported(dir.resolve("office.db"), "张三");

        open(robot, file);
        waitForTable(robot, 10);

        assertThat(stage.getTitle()).isEqualTo("三链融合考核工作台 — " + AssessmentFiles.defaultScheme().name());
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isEmpty();
        assertThat(robot.lookup("#" + MainWindow.DB_SIMULATED_ID).tryQuery()).isEmpty();
    }

    @Test
    void aLoadingFailureIsExplained(FxRobot robot) throws Exception {
        Path notAFolder = dir.resolve("notes.txt");
        Files.writeString(notAFolder, "笔记");
        Path file = notAFolder.resolve("sanlian.db"); // its folder is a file: it cannot be created

        open(robot, file);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + MainWindow.LOAD_ERROR_ID).tryQuery().isPresent());

        String text = robot.lookup("#" + MainWindow.LOAD_ERROR_ID).queryAs(Label.class).getText();
        assertThat(text).startsWith(file.toAbsolutePath().normalize() + ": ").contains("无法打开数据库")
                .doesNotContain("\tat ");
        assertThat(robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery()).isEmpty();
        assertThat(robot.lookup("#" + MainWindow.DB_STATUS_ID).queryAs(StatusBar.class).getChildren()).isEmpty();
    }

    @Test
    void theDemoAssessmentOpensWithTenUnitsInTwoZones(FxRobot robot) throws Exception {
        open(robot, TestDatabases.demo(dir.resolve("demo.db"), "张三"));
        waitForTable(robot, 10);

        assertThat(stage.getTitle()).startsWith("三链融合考核工作台 — ").endsWith("（示例数据）");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isPresent();
        TabPane tabs = robot.lookup("#" + ResultsView.TABS_ID).queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("总排名", "跨越发展类", "生态发展类", "图表");
        // a zone's table is made when its tab is first shown
        assertThat(robot.lookup("#" + ResultsView.zoneTableId("Z1")).tryQuery()).isEmpty();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(robot.lookup("#" + ResultsView.zoneTableId("Z1")).queryAs(TableView.class).getItems()).hasSize(5);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        assertThat(robot.lookup("#" + ResultsView.zoneTableId("Z2")).queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class).getValue())
                .hasToString("2025");
    }

    @Test
    void theWindowReopensWhereItWasClosed(FxRobot robot) {
        WindowState state = new WindowState(prefs, "main");
        robot.interact(() -> {
            Stage first = new Stage();
            first.setX(40);
            first.setY(30);
            first.setWidth(900);
            first.setHeight(600);
            state.save(first);
        });
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            state.restore(second[0], 1280, 760);
        });

        assertThat(second[0].getX()).isEqualTo(40);
        assertThat(second[0].getY()).isEqualTo(30);
        assertThat(second[0].getWidth()).isEqualTo(900);
        assertThat(second[0].getHeight()).isEqualTo(600);
        assertThat(second[0].isMaximized()).isFalse();
    }

    @Test
    void aFirstStartUsesTheDefaultSize(FxRobot robot) {
        WindowState state = new WindowState(prefs, "fresh");
        Stage[] s = new Stage[1];
        robot.interact(() -> {
            s[0] = new Stage();
            state.restore(s[0], 1280, 760);
        });

        assertThat(s[0].getWidth()).isEqualTo(1280);
        assertThat(s[0].getHeight()).isEqualTo(760);
    }
}
