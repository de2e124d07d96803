package org.sanlian.workbench.ui.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 稳健性 in the real window: 200 draws typed in, 计算, a row per unit whose interval holds its actual rank, and the chart. */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewTest {

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

    @Test
    void twoHundredDrawsGiveARowPerUnitWhoseIntervalHoldsItsRank(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-sensitivity");
        waitUntil(() -> robot.lookup("#" + SensitivityView.RUN_ID).tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));

        @SuppressWarnings("unchecked")
        Spinner<Integer> draws = robot.lookup("#" + SensitivityView.DRAWS_ID).queryAs(Spinner.class);
        robot.doubleClickOn(draws.getEditor());
        robot.interact(() -> draws.getEditor().selectAll());
        robot.write("200");
        robot.clickOn("#" + SensitivityView.RUN_ID);

        @SuppressWarnings("unchecked")
        TableView<SensitivityRow> table = robot.lookup("#" + SensitivityView.TABLE_ID).queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 10);
        List<SensitivityRow> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.best()).isLessThanOrEqualTo(r.rank());
            assertThat(r.rank()).isLessThanOrEqualTo(r.worst());
            assertThat(r.rankInInterval()).isTrue();
            assertThat(r.min()).isLessThanOrEqualTo(r.best());
            assertThat(r.max()).isGreaterThanOrEqualTo(r.worst());
        });
        assertThat(rows).extracting(SensitivityRow::rank).doesNotHaveDuplicates().hasSize(10);
        assertThat(robot.lookup("#" + SensitivityView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("2025年：200 次抽样，离散度 ");
        ChartViewer chart = robot.lookup("#" + SensitivityView.CHART_ID).queryAs(ChartViewer.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getChart().getCategoryPlot().getDataset(0).getColumnCount()).isEqualTo(10);
        assertThat(robot.lookup("#" + SensitivityView.CANCEL_ID).queryButton().isDisabled()).isTrue();
    }
}
