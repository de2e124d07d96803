package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.WorkbenchApp;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The results view when the chosen period has its own scheme (each year may): the zone tabs are
 * built again for its zones, and the 示例数据 banner follows the figures shown.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsViewSchemeChangeTest {

    private static final Period Y2024 = Period.year(2024);

    private ResultsViewModel model;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        executor = new FxTaskExecutor();
        Assessment other = new Assessment(ResultsViewModelLoaderTest.oneZoneScheme(),
                new DataSet(TinyAssessment.observations()), DataSet.empty(), true);
        model = new ResultsViewModel(List.of(Y2024, Period.year(2025)), TinyAssessment.assessment(false),
                p -> p.equals(Y2024) ? other : TinyAssessment.assessment(false), new ScoringService(), executor);
        Scene scene = new Scene(new ResultsView(model), 1200, 760);
        scene.getStylesheets().add(WorkbenchApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    private void waitForResultsOf(Period period) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !model.isBusy()
                && model.getResult() != null && model.getResult().period().equals(period)).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> tabs(FxRobot robot) {
        return robot.lookup("#" + ResultsView.TABS_ID).queryAs(TabPane.class).getTabs().stream()
                .map(Tab::getText).toList();
    }

    @Test
    void anotherSchemesPeriodBringsItsZoneTabsAndTheBanner(FxRobot robot) throws Exception {
        waitForResultsOf(Period.year(2025));
        assertThat(tabs(robot)).containsExactly("总排名", "甲类", "乙类", "图表");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isEmpty();

        robot.interact(() -> model.setSelectedPeriod(Y2024));
        waitForResultsOf(Y2024);

        assertThat(tabs(robot)).containsExactly("总排名", "全部", "图表");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isPresent();
        robot.interact(() -> robot.lookup("#" + ResultsView.TABS_ID).queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<?> zone = robot.lookup("#" + ResultsView.zoneTableId("ZALL")).queryAs(TableView.class);
        assertThat(zone.getItems()).hasSize(4);
        assertThat(zone.getColumns()).extracting(TableColumn::getId).contains("dim-CY", "dim-RC");

        robot.interact(() -> model.setSelectedPeriod(Period.year(2025)));
        waitForResultsOf(Period.year(2025));
        assertThat(tabs(robot)).containsExactly("总排名", "甲类", "乙类", "图表");
        assertThat(robot.lookup("#" + ResultsView.BANNER_ID).tryQuery()).isEmpty();
    }
}
