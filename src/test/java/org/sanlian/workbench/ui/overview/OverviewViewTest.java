package org.sanlian.workbench.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.results.ResultsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 总览 in the real window on the demo database: every zone, the scored bottom list, and a block leads to its screen. */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {

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
    void everyZoneAndTheScoredBottomListAreShownAndTheZonesLeadToTheResults(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-overview");
        waitUntil(() -> robot.lookup("#" + OverviewView.HEADING_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("2025年 总览")).orElse(false));

        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        Optional<Integer> year = shell.model().workspace().year();
        PeriodResult scored = new ScoringService().score(db.assessment(Period.year(2025), year), Period.year(2025));
        for (Zone zone : scored.scheme().zones()) {
            waitUntil(() -> robot.lookup("#" + OverviewView.zoneId(zone.code())).tryQuery().isPresent());
            List<String> shown = fx(() -> robot.lookup("#" + OverviewView.zoneId(zone.code()))
                    .lookup(".overview-rank-unit").queryAllAs(Label.class).stream().map(Label::getText).toList());
            List<String> inZone = scored.rows().stream().filter(r -> r.zone().code().equals(zone.code()))
                    .map(r -> r.unit().name()).toList();
            assertThat(shown).isNotEmpty().allMatch(inZone::contains);
        }
        List<String> listed = scored.rows().stream().filter(UnitResult::listed).map(r -> r.unit().name()).toList();
        assertThat(listed).isNotEmpty();
        List<String> bottom = fx(() -> robot.lookup("#" + OverviewView.BOTTOM_ID)
                .lookup("." + OverviewView.BOTTOM_UNIT_CLASS).queryAllAs(Label.class).stream().map(Label::getText)
                .toList());
        assertThat(bottom).containsExactlyElementsOf(listed);
        assertThat(robot.lookup("#" + OverviewView.WARNINGS_ID).lookup(".overview-warning").queryAllAs(Label.class))
                .extracting(Label::getText).contains("• 2025年 尚未发布通报。");

        robot.clickOn("#" + OverviewView.linkId(OverviewViewModel.Block.ZONES));
        waitUntil(() -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#nav-results").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
