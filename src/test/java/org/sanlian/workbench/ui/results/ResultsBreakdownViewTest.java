package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.SpiderWebPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 计算与排名 in the real window on the demo database: clicking a unit's row shows its breakdown
 * (its indicators, the radar of its dimensions), a figure saved elsewhere is scored again without
 * the user doing anything, Enter on a row moves into its breakdown, and the 图表 tab shows each
 * zone's totals.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsBreakdownViewTest {

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
    void clickingARowShowsTheUnitsIndicatorsAndRadarAndASavedFigureIsScoredAgain(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-results");
        TableView<?> overall = waitForTable(robot);
        ResultRow second = fx(() -> (ResultRow) overall.getItems().get(1));

        robot.clickOn(rowNode(overall, 1));

        waitUntil(() -> robot.lookup("#" + BreakdownView.HEADING_ID).queryAs(Label.class).getText()
                .startsWith(second.unitName() + "（" + second.zoneName() + "）：总排名第 " + second.rank()));
        BreakdownView breakdown = robot.lookup("#" + BreakdownView.ID).queryAs(BreakdownView.class);
        List<BreakdownView.Line> lines = fx(breakdown::lines);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        Period period = Period.year(2025);
        Assessment a = db.assessment(period, Optional.empty());
        Indicator leaf = a.scheme().leaves().stream().filter(l -> a.scheme().derivedOf(l.code()).isEmpty())
                .findFirst().orElseThrow();
        assertThat(lines).filteredOn(BreakdownView.Line::group).extracting(l -> l.cell("name"))
                .containsExactlyElementsOf(fx(() -> a.scheme().tree().stream()
                        .map(n -> n instanceof org.sanlian.workbench.core.model.Dimension d ? d.name() : "")
                        .filter(s -> !s.isEmpty()).toList()));
        assertThat(lines).filteredOn(l -> !l.group()).hasSize(a.scheme().leaves().size());
        double before = a.data().value(period, second.unitCode(), leaf.code()).orElseThrow();
        assertThat(valueOf(lines, leaf)).isEqualTo(plain(before));
        assertThat(lines).filteredOn(l -> l.cell("name").strip().equals("研发强度") || l.cell("formula").contains("GDP"))
                .isNotEmpty();
        ChartViewer radar = robot.lookup("#" + BreakdownView.RADAR_ID).queryAs(ChartViewer.class);
        assertThat(fx(radar::getChart).getPlot()).isInstanceOf(SpiderWebPlot.class);
        SpiderWebPlot plot = (SpiderWebPlot) fx(radar::getChart).getPlot();
        assertThat(plot.getDataset().getRowKeys()).containsExactly(second.unitName(), second.zoneName() + "平均");

        // another screen saves a figure: the shown period is scored again, the breakdown follows
        double after = before + 1;
        assertThat(FigureEntryService.save(db, period, List.of(new FigureEntryService.Change(second.unitCode(),
                leaf.code(), OptionalDouble.of(after), "", "")), "张三")).isEqualTo(1);
        robot.interact(() -> shell.model().workspace().reload());
        waitUntil(() -> valueOf(breakdown.lines(), leaf).equals(plain(after)));

        // from the keyboard: arrow keys choose a row, Enter moves into its breakdown
        robot.clickOn(rowNode(overall, 0));
        robot.type(KeyCode.DOWN, 2);
        robot.type(KeyCode.ENTER);
        ResultRow third = fx(() -> (ResultRow) overall.getItems().get(2));
        waitUntil(() -> robot.lookup("#" + BreakdownView.HEADING_ID).queryAs(Label.class).getText()
                .startsWith(third.unitName() + "（"));
        assertThat(fx(() -> overall.getScene().getFocusOwner().getId())).isEqualTo(BreakdownView.TABLE_ID);

        robot.clickOn(fx(() -> robot.lookup(".tab").queryAll().stream()
                .filter(t -> t.lookup(".tab-label") instanceof Label l && l.getText().equals("图表"))
                .findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup("." + TotalsChartsPane.CHART_STYLE).queryAll().size()
                == a.scheme().zones().size());
    }

    private static TableView<?> waitForTable(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() > 1).orElse(false));
        return robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
    }

    private static Node rowNode(TableView<?> table, int index) {
        return fx(() -> {
            for (Node n : table.lookupAll(".table-row-cell")) {
                TableRow<?> r = (TableRow<?>) n;
                if (r.getIndex() == index && !r.isEmpty() && r.isVisible()) {
                    return r;
                }
            }
            throw new AssertionError("row " + index + " is not shown");
        });
    }

    private static String valueOf(List<BreakdownView.Line> lines, Indicator leaf) {
        return lines.stream().filter(l -> !l.group() && l.cell("name").strip().equals(leaf.name()))
                .findFirst().orElseThrow().cell("value");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
