package org.sanlian.workbench.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.app.CityTargetService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 目标进度 in the real window on the demo database: every target of the default scheme is listed
 * with a city figure equal to the one added up here from the database's figures.
 */
@ExtendWith(ApplicationExtension.class)
class TargetsViewTest {

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

    /** The ratios of the default scheme's RECOMPUTE targets, as numerator and denominator of summed inputs. */
    private static final Map<String, List<String>> RATIOS = Map.of(
            "RD_INT", List.of("RD_EXP", "GDP", "0.01"),          // RD_EXP / (GDP * 10000) * 100
            "IND_RD_RATIO", List.of("IND_RD", "IND_REV", "100"),  // IND_RD / IND_REV * 100
            "HT_SHARE", List.of("HT_VA", "IND_VA", "100"));       // HT_VA / IND_VA * 100

    @Test
    @SuppressWarnings("unchecked")
    void everyTargetOfTheDefaultSchemeShowsTheCityFigureAddedUpFromTheUnits(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-targets");
        TableView<CityTargetService.Row> table = robot.lookup("#" + TargetsView.TABLE_ID).queryAs(TableView.class);
        Scheme defaults = AssessmentFiles.defaultScheme();
        waitUntil(() -> table.getItems().size() == defaults.cityTargets().size());

        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        Period y2025 = Period.year(2025);
        List<Unit> units = db.scheme(db.schemeFor(y2025, Optional.empty())).units();
        DataSet data = db.assessment(y2025, Optional.empty()).data();
        TableColumn<CityTargetService.Row, ?> name = fx(() -> table.getColumns().get(0));
        TableColumn<CityTargetService.Row, ?> figure = fx(() -> table.getColumns().stream()
                .filter(c -> TargetsView.FIGURE_COLUMN_ID.equals(c.getId())).findFirst().orElseThrow());
        assertThat(figure.getText()).isEqualTo("全市数（计算）");
        for (int i = 0; i < defaults.cityTargets().size(); i++) {
            CityTarget t = defaults.cityTargets().get(i);
            double expected;
            if (RATIOS.containsKey(t.code())) {
                List<String> r = RATIOS.get(t.code());
                // only units with both inputs count, in the numerator and in the denominator
                List<Unit> complete = units.stream().filter(u -> data.value(y2025, u.code(), r.get(0)).isPresent()
                        && data.value(y2025, u.code(), r.get(1)).isPresent()).toList();
                ToDoubleFunction<String> sum = code -> complete.stream()
                        .mapToDouble(u -> data.value(y2025, u.code(), code).getAsDouble()).sum();
                expected = sum.applyAsDouble(r.get(0)) / sum.applyAsDouble(r.get(1)) * Double.parseDouble(r.get(2));
            } else {
                int from = t.cumulativeFrom().orElse(2025);
                expected = 0;
                for (int y = from; y <= 2025; y++) {
                    Period p = Period.year(y);
                    for (Unit u : units) {
                        expected += data.value(p, u.code(), t.code()).orElse(0);
                    }
                }
            }
            int row = i;
            assertThat(fx(() -> name.getCellData(row))).isEqualTo(t.name());
            assertThat(fx(() -> figure.getCellData(row))).as(t.code()).isEqualTo(CityTargetText.number(expected));
        }

        // choosing a target lists the units with their figures
        robot.clickOn(fx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == 3).findFirst().orElseThrow()));
        TableView<?> unitTable = robot.lookup("#" + TargetsView.UNITS_ID).queryAs(TableView.class);
        waitUntil(() -> unitTable.getItems().size() == units.size());
        assertThat(fx(() -> shell.stage().getScene().lookup("#" + TargetsView.DETAIL_ID)))
                .extracting(n -> ((javafx.scene.control.Label) n).getText())
                .isEqualTo(defaults.cityTargets().get(3).name() + "：全市数为各单位数值之和。");
    }
}
