package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.WorkbenchApp;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The results view on {@link TinyAssessment}, driven as a user would: what the cells say, which rows
 * are tinted, switching tabs and periods. Scoring runs in the background as in the application.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsViewTest {

    private ResultsViewModel model;
    private FxTaskExecutor executor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        executor = new FxTaskExecutor();
        model = new ResultsViewModel(TinyAssessment.assessment(true), new ScoringService(), executor);
        scene = new Scene(new ResultsView(model), 1200, 760);
        scene.getStylesheets().add(WorkbenchApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void waitForFirstResults() throws Exception {
        waitForResultsOf("2025");
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void overallTabShowsRanksUnitsTotalsAndMarks(FxRobot robot) {
        TableView<?> table = table(robot, ResultsView.OVERALL_TABLE_ID);

        assertThat(column(table, "rank")).containsExactly("1", "2", "2", "4");
        assertThat(column(table, "zoneRank")).containsExactly("1", "2", "1", "2");
        assertThat(column(table, "unit")).containsExactly("甲二县", "甲一区", "乙二县", "乙一市");
        assertThat(column(table, "zone")).containsExactly("甲类", "甲类", "乙类", "乙类");
        assertThat(column(table, "total")).containsExactly("95.50", "80.00", "80.00", "60.00");
        assertThat(column(table, "dim-CY")).containsExactly("55.50", "60.00", "48.00", "30.00");
        assertThat(column(table, "dim-RC")).containsExactly("40.00", "20.00", "32.00", "30.00");
        assertThat(column(table, "bonus")).containsOnly("0.00");
        assertThat(column(table, "penalty")).containsOnly("0.00");
        assertThat(column(table, "rankChange")).containsExactly("↑3", "↓1", "—", "↓1");
        assertThat(column(table, "bottom")).containsExactly("提醒", "约谈", "", "升级约谈");
        assertThat(column(table, "veto")).containsOnly("");
    }

    @Test
    void columnHeadersAreChineseWithOneColumnPerDimension(FxRobot robot) {
        TableView<?> table = table(robot, ResultsView.OVERALL_TABLE_ID);

        List<String> headers = fx(() -> table.getColumns().stream().map(TableColumn::getText).toList());
        assertThat(headers).containsExactly("排名", "分区排名", "单位", "分区", "总分", "产业链", "人才链",
                "加分", "扣分", "名次变化", "约谈", "否决");
    }

    @Test
    void everyHeaderShowsItsWholeTitleAndRowsAreOfOneHeight(FxRobot robot) {
        TableView<?> table = table(robot, ResultsView.OVERALL_TABLE_ID);

        fx(() -> {
            table.layout();
            assertThat(table.getFixedCellSize()).isEqualTo(26.0); // modena's 2em at the workbench's 13 px
            assertWholeTitles(table);
            for (Node n : table.lookupAll(".table-row-cell")) {
                TableRow<?> row = (TableRow<?>) n;
                if (!row.isEmpty()) {
                    assertThat(row.getHeight()).isEqualTo(26.0);
                    for (Node cell : row.lookupAll(".table-cell")) {
                        Text text = (Text) cell.lookup(".text");
                        if (text != null) {
                            assertThat(text.getLayoutBounds().getHeight()).as(text.getText()).isLessThan(26.0);
                        }
                    }
                }
            }
            return null;
        });
    }

    @Test
    void aLongTitleGetsAColumnWideEnoughForIt() {
        fx(() -> {
            TableView<String> table = new TableView<>();
            for (String title : List.of("科技成果转化与产业链协同指数", "Talent chain subtotal (weighted)", "人才链")) {
                TableColumn<String, String> c = new TableColumn<>(title);
                c.setPrefWidth(ResultsView.titleWidth(title, ResultsView.SCORE_WIDTH));
                table.getColumns().add(c);
            }
            Scene alone = new Scene(table, 1200, 300);
            alone.getStylesheets().add(WorkbenchApp.stylesheet());
            table.applyCss();
            table.layout();
            assertWholeTitles(table);
            assertThat(table.getColumns().get(2).getWidth()).isEqualTo(ResultsView.SCORE_WIDTH);
            return null;
        });
    }

    /** Each column's header shows its title whole (a title that does not fit is cut with an ellipsis). */
    private static void assertWholeTitles(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null) {
                Text shown = (Text) header.lookup(".label").lookup(".text");
                assertThat(shown.getText()).as("the header of %s", header.getTableColumn().getText())
                        .isEqualTo(header.getTableColumn().getText());
            }
        }
    }

    @Test
    void listedRowsAreTintedByLevel(FxRobot robot) {
        TableView<?> table = table(robot, ResultsView.OVERALL_TABLE_ID);

        assertThat(fx(() -> row(table, 0).getStyleClass())).contains(ResultsView.STYLE_REMINDER);
        assertThat(fx(() -> row(table, 1).getStyleClass())).contains(ResultsView.STYLE_NORMAL);
        assertThat(fx(() -> row(table, 2).getStyleClass()))
                .doesNotContain(ResultsView.STYLE_NORMAL, ResultsView.STYLE_ESCALATED, ResultsView.STYLE_REMINDER);
        assertThat(fx(() -> row(table, 3).getStyleClass())).contains(ResultsView.STYLE_ESCALATED);
    }

    @Test
    void zoneTabShowsItsUnitsByZoneRank(FxRobot robot) {
        TabPane tabs = robot.lookup("#" + ResultsView.TABS_ID).queryAs(TabPane.class);
        assertThat(fx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()))
                .containsExactly("总排名", "甲类", "乙类", "图表");

        Node zoneTab = robot.lookup(".tab").nth(2).query();
        robot.clickOn(zoneTab);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = table(robot, ResultsView.zoneTableId("ZB"));
        assertThat(column(table, "zoneRank")).containsExactly("1", "2");
        assertThat(column(table, "rank")).containsExactly("2", "4");
        assertThat(column(table, "unit")).containsExactly("乙二县", "乙一市");
        assertThat(column(table, "total")).containsExactly("80.00", "60.00");
        assertThat(column(table, "bottom")).containsExactly("", "升级约谈");
        assertThat(fx(() -> row(table, 1).getStyleClass())).contains(ResultsView.STYLE_ESCALATED);
    }

    @Test
    void choosingAnotherPeriodChangesTheRows(FxRobot robot) throws Exception {
        robot.clickOn("#" + ResultsView.PERIOD_BOX_ID);
        robot.clickOn("2024年");
        waitForResultsOf("2024");

        TableView<?> table = table(robot, ResultsView.OVERALL_TABLE_ID);
        assertThat(column(table, "rank")).containsExactly("1", "2", "3", "4");
        assertThat(column(table, "unit")).containsExactly("甲一区", "乙二县", "乙一市", "甲二县");
        assertThat(column(table, "total")).containsExactly("100.00", "80.00", "70.00", "50.00");
        assertThat(column(table, "rankChange")).containsOnly(""); // 2023 has no results
        assertThat(column(table, "bottom")).containsExactly("", "", "约谈", "约谈");
        assertThat(robot.lookup("#" + ResultsView.STATUS_ID).queryAs(Label.class).getText())
                .isEqualTo("2024年：共 4 个单位，2 个列入末位名单（约谈 2 个，升级约谈 0 个，提醒 0 个）");
    }

    @Test
    void statusLineAndSimulatedBannerAreShown(FxRobot robot) {
        assertThat(robot.lookup("#" + ResultsView.STATUS_ID).queryAs(Label.class).getText())
                .isEqualTo("2025年：共 4 个单位，3 个列入末位名单（约谈 1 个，升级约谈 1 个，提醒 1 个）");
        Label banner = robot.lookup("#" + ResultsView.BANNER_ID).queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("示例数据");
        assertThat(robot.lookup("#" + ResultsView.ERROR_ID).queryAs(Label.class).isVisible()).isFalse();
        ComboBox<?> box = robot.lookup("#" + ResultsView.PERIOD_BOX_ID).queryAs(ComboBox.class);
        assertThat(fx(() -> box.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof ListCell).map(n -> ((ListCell<?>) n).getText()).toList()))
                .containsExactly("2025年");
    }

    @Test
    void tabFromThePeriodReachesTheTableAndCtrlDigitsSwitchTabs(FxRobot robot) {
        ComboBox<?> box = robot.lookup("#" + ResultsView.PERIOD_BOX_ID).queryAs(ComboBox.class);
        robot.interact(box::requestFocus);
        assertThat(box.isFocused()).isTrue();

        List<Node> visited = new ArrayList<>();
        for (int i = 0; i < 3 && !(focusOwner() instanceof TableView); i++) {
            robot.type(KeyCode.TAB);
            visited.add(focusOwner());
        }
        assertThat(focusOwner()).as("focus after Tab: %s", visited).isInstanceOf(TableView.class);
        assertThat(focusOwner().getId()).isEqualTo(ResultsView.OVERALL_TABLE_ID);

        TabPane tabs = robot.lookup("#" + ResultsView.TABS_ID).queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(column(table(robot, ResultsView.zoneTableId("ZA")), "unit")).containsExactly("甲二县", "甲一区");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    private void waitForResultsOf(String period) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !model.isBusy()
                && model.getResult() != null && model.getResult().period().toString().equals(period)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node focusOwner() {
        return fx(() -> scene.getFocusOwner());
    }

    private static TableView<?> table(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TableView.class);
    }

    /** The texts the user sees in one column, row by row, from the rendered cells. */
    private static List<String> column(TableView<?> table, String columnId) {
        return fx(() -> {
            table.layout();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(cellText(row(table, i), columnId));
            }
            return out;
        });
    }

    private static TableRow<?> row(TableView<?> table, int index) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            TableRow<?> r = (TableRow<?>) n;
            if (r.getIndex() == index && !r.isEmpty() && r.isVisible()) {
                return r;
            }
        }
        throw new AssertionError("row " + index + " is not shown in " + table.getId());
    }

    private static String cellText(TableRow<?> row, String columnId) {
        for (Node n : row.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())) {
                return cell.getText() == null ? "" : cell.getText();
            }
        }
        throw new AssertionError("no cell of column " + columnId + " in row " + row.getIndex());
    }

    private static <T> T fx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e.getCause() instanceof AssertionError) {
                throw (AssertionError) e.getCause();
            }
            throw new IllegalStateException(e);
        }
    }
}
