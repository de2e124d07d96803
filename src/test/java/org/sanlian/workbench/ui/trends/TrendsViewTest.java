package org.sanlian.workbench.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 趋势 in the real window: a unit ticked gets its line in the chart and its row of rank changes. */
@ExtendWith(ApplicationExtension.class)
class TrendsViewTest {

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
    @SuppressWarnings("unchecked")
    void aTickedUnitGetsItsLineAndItsRankChangeRow(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-trends");
        TableView<TrendsViewModel.ChangeRow> table = robot.lookup("#" + TrendsView.TABLE_ID).queryAs(TableView.class);
        ListView<TrendsViewModel.Choice> units = robot.lookup("#" + TrendsView.UNITS_ID).queryAs(ListView.class);
        waitUntil(() -> units.getItems().size() == 10 && !table.getItems().isEmpty()
                && table.getColumns().size() == 5);

        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        ScoringService scoring = new ScoringService();
        UnitResult y2024;
        UnitResult y2025;
        TrendsViewModel.Choice choice = fx(() -> units.getItems().stream().filter(c -> !c.isChecked())
                .findFirst().orElseThrow());
        String code = choice.unit().code();
        String name = choice.unit().name();
        y2024 = scoring.score(db.assessment(Period.year(2024), Optional.empty()), Period.year(2024)).row(code).orElseThrow();
        y2025 = scoring.score(db.assessment(Period.year(2025), Optional.empty()), Period.year(2025)).row(code).orElseThrow();
        int before = fx(() -> table.getItems().size());

        Node cell = ShellFixture.cell(robot, units, choice);
        robot.clickOn(fx(() -> cell.lookup(".check-box")));
        waitUntil(() -> table.getItems().size() == before + 1);
        assertThat(fx(choice::isChecked)).isTrue();

        int row = fx(() -> table.getItems().stream().map(TrendsViewModel.ChangeRow::unit).toList().indexOf(code));
        assertThat(row).isNotNegative();
        TableColumn<TrendsViewModel.ChangeRow, ?> last = fx(() -> table.getColumns().get(4));
        assertThat(last.getText()).isEqualTo("2025年 总排名");
        int change = y2024.rank() - y2025.rank();
        String arrow = change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "—";
        assertThat(fx(() -> last.getCellData(row))).isEqualTo(y2025.rank() + " " + arrow);

        ChartViewer viewer = robot.lookup("#" + TrendsView.CHART_ID).queryAs(ChartViewer.class);
        waitUntil(() -> viewer.getChart() != null
                && viewer.getChart().getCategoryPlot().getDataset().getRowKeys().contains(name));
        var plot = fx(() -> viewer.getChart().getCategoryPlot());
        assertThat(plot.getRangeAxis().isInverted()).isTrue();
        // the rank axis spans every unit's ranks, 1 (at the top) to 10, not only the lines drawn
        assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.5);
        assertThat(plot.getRangeAxis().getUpperBound()).isEqualTo(10.5);
        var data = plot.getDataset();
        int series = data.getRowIndex(name);
        List<?> columns = data.getColumnKeys();
        assertThat(data.getValue(series, columns.size() - 1).intValue()).isEqualTo(y2025.rank());
        assertThat(fx(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class).stream().filter(CheckBox::isSelected)
                .count())).isEqualTo((long) before + 1);
    }
}
